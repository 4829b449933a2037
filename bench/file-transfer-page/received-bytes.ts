import type { RunResult } from './run-config.ts';

/**
 * The receiving page's tally for the anchors and the raw channel: the clock starts at the first
 * byte and stops at the last. With `keep: 'blob'` every chunk is kept and made into one Blob at
 * the end, as the anchors' docs and demos do.
 */
export class ReceivedBytes {
  readonly done: Promise<RunResult>;
  #first: number | undefined;
  #bytes = 0;
  readonly #chunks: BlobPart[] = [];
  #settle!: (result: RunResult) => void;

  constructor(
    readonly size: number,
    readonly keep: 'count' | 'blob',
    stallMs = 20_000,
  ) {
    this.done = new Promise((resolve) => (this.#settle = resolve));
    // A run that stops moving is a failed run, not a hung benchmark.
    let seen = -1;
    const watch = setInterval(() => {
      if (this.#bytes === seen) this.fail(`stalled at ${this.#bytes} of ${this.size} bytes`);
      seen = this.#bytes;
    }, stallMs);
    void this.done.then(() => clearInterval(watch));
  }

  /** Starts the clock, if this is the first byte. */
  started(): void {
    this.#first ??= performance.now();
  }

  take(data: ArrayBuffer | ArrayBufferView): void {
    this.started();
    this.#bytes += data.byteLength;
    if (this.keep === 'blob') this.#chunks.push(data as BlobPart);
    if (this.#bytes >= this.size) this.#finish();
  }

  /** Ends the run as failed: the sender gave up, or nothing came for too long. */
  fail(error: string): void {
    this.#settle({ ms: this.#elapsed(), bytes: this.#bytes, error });
  }

  #finish(): void {
    let bytes = this.#bytes;
    if (this.keep === 'blob') bytes = new Blob(this.#chunks).size;
    this.#settle({ ms: this.#elapsed(), bytes });
  }

  #elapsed(): number {
    return this.#first === undefined ? 0 : performance.now() - this.#first;
  }
}
