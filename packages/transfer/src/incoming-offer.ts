import type { FileSink } from './file-sink.ts';
import type { IncomingFile } from './receiving-file.ts';
import type { TransferError } from './transfer-error.ts';

/**
 * Picks a sink for a file, or `null` to decline it. Throwing a TransferError declines it with
 * that error's code (`MemorySink.for` throws `too-large`), so the sender learns why.
 */
export type ChooseSink = (file: IncomingFile) => FileSink | null | Promise<FileSink | null>;

/** What the receiver does with an offer; the receiver implements it. */
export interface OfferAnswerer {
  answer(offer: IncomingOffer, choose: ChooseSink): Promise<void>;
  decline(offer: IncomingOffer, error?: TransferError): void;
  cancel(offerId: number, fileId?: number): void;
}

/**
 * An offer from the sender, handed to the page in the receiver's `offer` event. Answer it once:
 * `answer(file => sink or null)` per file, or `decline()` for all. Nothing is sent before that.
 */
export class IncomingOffer {
  #answered = false;

  constructor(
    readonly offerId: number,
    readonly files: readonly IncomingFile[],
    private readonly receiver: OfferAnswerer,
  ) {}

  /** Bytes in all the files of the offer. */
  get totalBytes(): number {
    return this.files.reduce((sum, file) => sum + file.size, 0);
  }

  get answered(): boolean {
    return this.#answered;
  }

  /** Accepts the files `choose` gives a sink, declines the others. */
  answer(choose: ChooseSink): Promise<void> {
    if (this.#answered) return Promise.resolve();
    this.#answered = true;
    return this.receiver.answer(this, choose);
  }

  /** Declines every file; with an error, its code tells the sender why (`not-enough-space`). */
  decline(error?: TransferError): void {
    if (this.#answered) return;
    this.#answered = true;
    this.receiver.decline(this, error);
  }

  /** Stops the offer, or one file of it, after it was accepted. */
  cancel(fileId?: number): void {
    this.receiver.cancel(this.offerId, fileId);
  }
}
