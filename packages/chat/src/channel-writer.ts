/** Stop handing data to the channel while more than this waits in its buffer… */
export const HIGH_WATER_MARK = 1024 * 1024;
/** …and go on once it has drained to this (the channel's `bufferedAmountLowThreshold`). */
export const LOW_WATER_MARK = 256 * 1024;

/**
 * Writes to a data channel with backpressure. `send()` throws once the browser's buffer is full
 * (16 MiB in Chromium), and a history of thousands of messages is more than that: pieces wait
 * here, in order, until the buffer drains. What is still waiting when the channel closes is
 * dropped; the chat layer resends what was not acknowledged on the next link.
 */
export class ChannelWriter {
  readonly #waiting: (string | Uint8Array<ArrayBuffer>)[] = [];

  constructor(private readonly channel: RTCDataChannel) {
    channel.bufferedAmountLowThreshold = LOW_WATER_MARK;
    channel.addEventListener('bufferedamountlow', () => this.#pump());
    channel.addEventListener('open', () => this.#pump());
    channel.addEventListener('close', () => this.#waiting.splice(0));
  }

  /** Pieces not yet handed to the channel. */
  get waiting(): number {
    return this.#waiting.length;
  }

  write(pieces: (string | Uint8Array<ArrayBuffer>)[]): void {
    if (this.channel.readyState === 'closing' || this.channel.readyState === 'closed') return;
    this.#waiting.push(...pieces);
    this.#pump();
  }

  #pump(): void {
    while (
      this.#waiting.length > 0 &&
      this.channel.readyState === 'open' &&
      this.channel.bufferedAmount < HIGH_WATER_MARK
    ) {
      const piece = this.#waiting.shift()!;
      try {
        // Two overloads, one per type: TypeScript picks neither for the union.
        if (typeof piece === 'string') this.channel.send(piece);
        else this.channel.send(piece);
      } catch {
        // The channel closed between the check and the send: what waits is lost with it.
        this.#waiting.splice(0);
      }
    }
  }
}
