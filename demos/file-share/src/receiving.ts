import {
  isTransferError,
  type FileResult,
  type IncomingOffer,
  type TransferProgress,
} from '@peerlab/transfer';
import { FileProgress } from './file-progress.ts';
import type { FileRoom, PeerLink } from './file-room.ts';
import type { TransferState } from './progress-words.ts';
import type { ReceivedStorage } from './received-storage.ts';
import type { ResumeStore } from './resume-store.ts';

/** Text files up to this size are shown on the page as well: text snippets arrive this way. */
const SHOWN_TEXT_BYTES = 64 * 1024;

/** One file of an incoming offer, as the page shows it. */
export interface IncomingEntry {
  path: string;
  size: number;
  state: TransferState;
  /** A link to save it, once complete. */
  url?: string;
  /** Its text, for a small text file. */
  text?: string;
  error?: unknown;
}

/** An offer from a peer and what became of it. */
export interface Incoming {
  peerId: string;
  offer: IncomingOffer;
  answered: boolean;
  entries: IncomingEntry[];
  error?: unknown;
}

/**
 * The receiving side of the page: each peer's offers, answered by the person; accepted files
 * go to `storage`, and what the receivers verify goes to `resume` as it is verified.
 */
export class Receiving {
  readonly offers: Incoming[] = [];

  constructor(
    room: FileRoom,
    private readonly storage: ReceivedStorage,
    private readonly resume: ResumeStore,
    private readonly changed: () => void,
  ) {
    room.on('link', (link) => this.#listen(link));
  }

  // #region accept
  /** Accepts every file of the offer, once the disk has room for the bytes still missing. */
  async accept(incoming: Incoming): Promise<void> {
    incoming.answered = true;
    try {
      await this.storage.checkSpace(incoming.offer.files);
    } catch (error) {
      // The sender hears "not-enough-space"; nothing was written.
      incoming.offer.decline(isTransferError(error) ? error : undefined);
      incoming.error = error;
      this.changed();
      return;
    }
    await incoming.offer.answer((file) => this.storage.sink(file));
    for (const entry of incoming.entries) {
      if (entry.state.kind === 'offered') entry.state = { kind: 'waiting' };
    }
    this.changed();
  }
  // #endregion accept

  decline(incoming: Incoming): void {
    incoming.answered = true;
    incoming.offer.decline();
    this.changed();
  }

  cancel(incoming: Incoming): void {
    incoming.offer.cancel();
  }

  #listen(link: PeerLink): void {
    const { receiver, peerId } = link;
    const progressOf = new Map<number, FileProgress>();
    const find = (offerId: number) =>
      this.offers.find((o) => o.peerId === peerId && o.offer.offerId === offerId);
    receiver.on('offer', (offer) => {
      progressOf.set(offer.offerId, new FileProgress(offer.files));
      const entries = offer.files.map(({ path, size, resumeFrom }) => ({
        path,
        size,
        state: resumeFrom
          ? movingState(size, resumeFrom, resumeFrom, 0)
          : ({ kind: 'offered' } as TransferState),
      }));
      this.offers.unshift({ peerId, offer, answered: false, entries });
      this.changed();
    });
    receiver.on('progress', (progress: TransferProgress) => {
      // Kept first: a reload right after this event still finds it.
      this.resume.save(receiver.resumeState());
      const moved = progressOf.get(progress.offerId)?.update(progress);
      const entry = find(progress.offerId)?.entries.find((e) => e.path === moved?.path);
      if (!moved || !entry) return;
      entry.state = movingState(moved.size, moved.done, moved.resumedFrom, progress.bytesPerSecond);
      this.changed();
    });
    receiver.on('resume-state', (state) => this.resume.save(state));
    receiver.on('file', (result) => void this.#ended(find(result.offerId), result));
    receiver.on('error', (error) => console.warn(error.message));
  }

  async #ended(incoming: Incoming | undefined, result: FileResult): Promise<void> {
    const entry = incoming?.entries.find((e) => e.path === result.path);
    if (!entry) return;
    if (result.outcome !== 'interrupted') this.resume.forget(result.path);
    entry.state = { kind: result.outcome };
    entry.error = result.error;
    if (result.outcome === 'complete') {
      const file = await this.storage.file(result.path);
      if (file) {
        entry.url = URL.createObjectURL(file);
        const mime = incoming!.offer.files.find((f) => f.path === result.path)?.mime ?? '';
        if (mime.startsWith('text/plain') && file.size <= SHOWN_TEXT_BYTES) {
          entry.text = await file.text();
        }
      }
    }
    this.changed();
  }
}

function movingState(size: number, done: number, resumedFrom: number, rate: number) {
  return { kind: 'moving', size, done, resumedFrom, bytesPerSecond: rate } as const;
}
