import { TypedEmitter } from '@peerlab/events';

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
 * Send JSON with `sendJson`, bytes with the channel's own `channel.send(bytes)`.
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

  sendJson(value: unknown): void {
    this.channel.send(JSON.stringify(value));
  }

  close(): void {
    this.channel.close();
  }
}
