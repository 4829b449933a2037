/** How one offer is getting on, as both sides report it. */
export interface TransferProgress {
  offerId: number;
  /** Bytes of the accepted files that the receiver has verified and written. */
  done: number;
  /** Bytes of the accepted files in all. */
  total: number;
  /** Over the last few seconds; 0 until there is something to measure. */
  bytesPerSecond: number;
  /** At that rate; `undefined` until there is a rate. */
  secondsLeft: number | undefined;
  /** Bytes a resume did not need to send again, and what share of `total` that is (0–100). */
  resumedFrom: number;
  resumedPercent: number;
  /** The file moving now, as the receiver names it. */
  path: string | undefined;
}

/** The span the throughput is measured over: long enough to smooth bursts, short enough to follow a change. */
export const RATE_WINDOW_MS = 3000;

/**
 * Throughput over a sliding window: it keeps (time, bytes done) samples of the last few seconds
 * and divides what was done since the oldest by the time since then. An average since the
 * start would hide that the link just got slower; an instant rate would jump with every chunk.
 */
export class ProgressMeter {
  done: number;
  path: string | undefined;
  readonly #samples: [time: number, done: number][] = [];

  constructor(
    readonly offerId: number,
    readonly total: number,
    readonly resumedFrom: number,
    private readonly now: () => number = () => performance.now(),
    private readonly windowMs = RATE_WINDOW_MS,
  ) {
    this.done = resumedFrom;
    this.#samples.push([now(), resumedFrom]);
  }

  /** `bytes` more are done. */
  add(bytes: number): void {
    this.done = Math.min(this.total, this.done + bytes);
    const time = this.now();
    this.#samples.push([time, this.done]);
    // Keep one sample older than the window, so the window is always spanned.
    while (this.#samples.length > 2 && this.#samples[1]![0] <= time - this.windowMs) {
      this.#samples.shift();
    }
  }

  get bytesPerSecond(): number {
    const [first, last] = [this.#samples[0]!, this.#samples.at(-1)!];
    const seconds = (last[0] - first[0]) / 1000;
    return seconds > 0 ? (last[1] - first[1]) / seconds : 0;
  }

  snapshot(): TransferProgress {
    const rate = this.bytesPerSecond;
    const left = this.total - this.done;
    return {
      offerId: this.offerId,
      done: this.done,
      total: this.total,
      bytesPerSecond: rate,
      secondsLeft: left === 0 ? 0 : rate > 0 ? left / rate : undefined,
      resumedFrom: this.resumedFrom,
      resumedPercent: this.total > 0 ? (100 * this.resumedFrom) / this.total : 0,
      path: this.path,
    };
  }
}
