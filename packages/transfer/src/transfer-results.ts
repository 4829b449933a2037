import type { TransferError } from './transfer-error.ts';

/** How a file ended, on either side. */
export type FileOutcome =
  /** Arrived whole and its SHA-256 matched (the sender learns it from the receiver). */
  | 'complete'
  | 'declined'
  | 'cancelled'
  /** Damaged beyond retries, refused by the sink, or broken by the peer. */
  | 'failed'
  /** The channel closed first; the receiver's ResumeState can pick it up again. */
  | 'interrupted';

export interface FileResult {
  offerId: number;
  fileId: number;
  path: string;
  size: number;
  outcome: FileOutcome;
  /** Why, for every outcome but `complete`. */
  error?: TransferError;
}

export interface OfferResult {
  offerId: number;
  files: FileResult[];
}

/**
 * The results of one offer: resolves once every file has its outcome, and never rejects, so a
 * page that forgets to catch sees no unhandled rejection.
 */
export class OfferResults {
  readonly done: Promise<OfferResult>;
  readonly #results = new Map<number, FileResult>();
  #resolve!: (result: OfferResult) => void;

  constructor(
    readonly offerId: number,
    private readonly fileIds: readonly number[],
  ) {
    this.done = new Promise((resolve) => (this.#resolve = resolve));
  }

  has(fileId: number): boolean {
    return this.#results.has(fileId);
  }

  /** Records a file's outcome (the first one counts); true once the offer is complete. */
  add(result: FileResult): boolean {
    if (this.#results.has(result.fileId)) return false;
    this.#results.set(result.fileId, result);
    if (this.#results.size < this.fileIds.length) return false;
    this.#resolve(this.result());
    return true;
  }

  result(): OfferResult {
    const files = this.fileIds.flatMap((id) => this.#results.get(id) ?? []);
    return { offerId: this.offerId, files };
  }
}
