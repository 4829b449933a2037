import { TypedEmitter } from '@peerlab/signaling';

export interface PeerChannelEvents {
  open: void;
  close: void;
  /** A text message, parsed from JSON. */
  json: unknown;
  /** A binary message. */
  binary: ArrayBuffer;
  error: Error;
}

/**
 * An RTCDataChannel that carries JSON and binary side by side: text frames are JSON,
 * binary frames are bytes, so the receiver knows which is which without a header.
 */
export class PeerChannel extends TypedEmitter<PeerChannelEvents> {
  constructor(readonly channel: RTCDataChannel) {
    super();
    channel.binaryType = 'arraybuffer';
    channel.addEventListener('open', () => this.emit('open', undefined));
    channel.addEventListener('close', () => this.emit('close', undefined));
    channel.addEventListener('error', (event) => {
      const error = (event as RTCErrorEvent).error ?? new Error('Data channel error');
      this.emit('error', error);
    });
    channel.addEventListener('message', ({ data }: MessageEvent<string | ArrayBuffer>) => {
      if (typeof data !== 'string') return this.emit('binary', data);
      try {
        this.emit('json', JSON.parse(data));
      } catch {
        this.emit(
          'error',
          new Error(`Data channel "${channel.label}" received text that is not JSON.`),
        );
      }
    });
  }

  get label(): string {
    return this.channel.label;
  }

  get isOpen(): boolean {
    return this.channel.readyState === 'open';
  }

  /** Resolves once the channel is open (at once if it already is). */
  opened(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const offOpen = this.once('open', () => (offClose(), resolve()));
      const offClose = this.once('close', () => {
        offOpen();
        reject(new Error(`Data channel "${this.label}" closed before it opened.`));
      });
    });
  }

  sendJson(value: unknown): void {
    this.channel.send(JSON.stringify(value));
  }

  sendBinary(data: ArrayBuffer | ArrayBufferView): void {
    this.channel.send(data as ArrayBuffer);
  }

  close(): void {
    this.channel.close();
  }
}
