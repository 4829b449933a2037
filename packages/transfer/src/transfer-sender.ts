import { TypedEmitter } from '@peerlab/events';
import { assertReliable, sendJson, sendText, whenOpen } from './channel-io.ts';
import { describeItem, type Offerable } from './offer-items.ts';
import { OutgoingFile } from './outgoing-file.ts';
import { ProgressMeter, type TransferProgress } from './progress-meter.ts';
import { errorFromPeer, TransferError } from './transfer-error.ts';
import { OfferResults, type FileResult, type OfferResult } from './transfer-results.ts';
import { chunkSizeFor, RANGE_BYTES } from './wire-format.ts';
import { parseMessage, TRANSFER_LIMITS, type MessageOf } from './wire-messages.ts';

export interface TransferSenderEvents {
  /** The receiver answered an offer: which files it takes. */
  answer: { offerId: number; accepted: FileResult['path'][]; declined: FileResult[] };
  progress: TransferProgress;
  /** A file has its outcome. */
  file: FileResult;
  /** Every file of an offer has its outcome. */
  done: OfferResult;
  /** The receiver sent something this protocol does not allow; it was ignored. */
  error: TransferError;
}

export interface TransferSenderOptions {
  /** Its `sctp.maxMessageSize`, read when each file starts, sets the chunk size. */
  peerConnection?: RTCPeerConnection;
}

/** An offer on its way: what was offered, its results, and a way to stop it. */
export interface OutgoingOffer {
  offerId: number;
  done: Promise<OfferResult>;
  cancel(): void;
}

interface Offer {
  files: OutgoingFile[];
  results: OfferResults;
  meter?: ProgressMeter;
}

/**
 * The sending side of one data channel, to one peer. To send to several peers, make one per
 * peer's channel and offer each the same files: each keeps its own offers, progress and resume.
 * Files go one at a time, in the order offered; `offer()` may be called again at any time.
 */
export class TransferSender extends TypedEmitter<TransferSenderEvents> {
  /** Payload bytes handed to the channel (a resume skips what the receiver kept). */
  bytesSent = 0;
  readonly #offers = new Map<number, Offer>();
  readonly #files = new Map<number, OutgoingFile>();
  readonly #queue: OutgoingFile[] = [];
  #nextOfferId = 1;
  #nextFileId = 1;
  #pumping = false;
  readonly #stop: () => void;

  constructor(
    readonly channel: RTCDataChannel,
    private readonly options: TransferSenderOptions = {},
  ) {
    super();
    assertReliable(channel);
    channel.binaryType = 'arraybuffer';
    const onMessage = ({ data }: MessageEvent<unknown>) => this.#receive(data);
    const onClose = () => this.#closed();
    channel.addEventListener('message', onMessage);
    channel.addEventListener('close', onClose);
    this.#stop = () => {
      channel.removeEventListener('message', onMessage);
      channel.removeEventListener('close', onClose);
    };
  }

  /**
   * Offers files (or a folder's files) in one go; the receiver accepts or declines each. Throws a
   * `too-large` TransferError if the offer does not fit in one message of this channel.
   */
  offer(items: Iterable<Offerable>): OutgoingOffer {
    const offerId = this.#nextOfferId++;
    const files = [...items].map(
      (item) => new OutgoingFile(offerId, this.#nextFileId++, describeItem(item), RANGE_BYTES),
    );
    const text = JSON.stringify({
      type: 'offer',
      v: 1,
      offerId,
      rangeBytes: RANGE_BYTES,
      files: files.map(({ fileId, item: { path, size, lastModified, mime } }) => {
        return { fileId, path: path.slice(0, TRANSFER_LIMITS.pathChars), size, lastModified, mime };
      }),
    });
    // Before connecting, `sctp` is null: 64 KiB is what every browser takes.
    const limit = Math.min(this.options.peerConnection?.sctp?.maxMessageSize ?? 65_536, 262_144);
    const bytes = new TextEncoder().encode(text).byteLength;
    if (files.length === 0 || files.length > TRANSFER_LIMITS.files || bytes > limit) {
      throw new TransferError(
        'too-large',
        `An offer holds 1 to ${TRANSFER_LIMITS.files} files and must fit in one message ` +
          `(${limit} bytes here); offer these ${files.length} files in parts.`,
      );
    }
    const offer: Offer = {
      files,
      results: new OfferResults(
        offerId,
        files.map((f) => f.fileId),
      ),
    };
    this.#offers.set(offerId, offer);
    for (const file of files) this.#files.set(file.fileId, file);
    void whenOpen(this.channel).then((open) => {
      if (!open || !sendText(this.channel, text)) this.#closed();
    });
    return { offerId, done: offer.results.done, cancel: () => this.cancel(offerId) };
  }

  /** Stops an offer (or, without an id, everything) and tells the receiver. */
  cancel(offerId?: number): void {
    sendJson(this.channel, { type: 'cancel', code: 'cancelled', ...(offerId ? { offerId } : {}) });
    for (const file of this.#files.values()) {
      if (offerId !== undefined && file.offerId !== offerId) continue;
      const { path } = file.item;
      this.#finish(file, 'cancelled', new TransferError('cancelled', `You cancelled "${path}".`));
    }
  }

  /** Stops listening to the channel, as if it had closed: files under way end as `interrupted`. */
  close(): void {
    this.#stop();
    this.#closed();
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string')
      return this.#refuse('a binary message, which only a sender sends');
    const parsed = parseMessage(data);
    if (!parsed.ok) return this.#refuse(parsed.reason);
    const { message } = parsed;
    try {
      switch (message.type) {
        case 'answer':
          return this.#answered(message);
        case 'ack':
        case 'retry':
        case 'received':
          return this.#progressed(message);
        case 'cancel':
          return this.#cancelled(message);
        default:
          return this.#refuse(`an "${message.type}" message, which only a sender sends`);
      }
    } catch (error) {
      // A listener's bug must not become the peer's power to break the page.
      console.error('The transfer failed on a message from the receiver', error);
    }
  }

  #answered(message: MessageOf<'answer'>): void {
    const offer = this.#offers.get(message.offerId);
    if (!offer || offer.meter) return this.#refuse(`an answer to offer ${message.offerId}`);
    const answers = new Map(message.files.map((entry) => [entry.fileId, entry]));
    const accepted: OutgoingFile[] = [];
    const declined: FileResult[] = [];
    for (const file of offer.files) {
      if (!file.active && file.status !== 'offered') continue; // cancelled meanwhile
      const entry = answers.get(file.fileId);
      const { size, path } = file.item;
      if (entry && 'from' in entry) {
        const aligned = entry.from === size || entry.from % file.rangeBytes === 0;
        if (entry.from <= size && aligned) {
          file.start(entry.from);
          accepted.push(file);
          continue;
        }
        this.#refuse(`an answer to resume "${path}" from ${entry.from}, not a range boundary`);
      }
      const error = errorFromPeer(entry && 'declined' in entry ? entry.declined : 'declined', path);
      const result = this.#finish(file, 'declined', error);
      if (result) declined.push(result);
    }
    const total = accepted.reduce((sum, file) => sum + file.item.size, 0);
    const resumed = accepted.reduce((sum, file) => sum + file.next, 0);
    offer.meter = new ProgressMeter(message.offerId, total, resumed);
    this.emit('answer', {
      offerId: message.offerId,
      accepted: accepted.map((file) => file.item.path),
      declined,
    });
    this.#queue.push(...accepted);
    void this.#pump();
  }

  #progressed(message: MessageOf<'ack' | 'retry' | 'received'>): void {
    const file = this.#files.get(message.fileId);
    if (!file || file.status === 'offered') {
      return this.#refuse(`an "${message.type}" for file ${message.fileId}, never accepted`);
    }
    if (!file.active) return; // in flight when the file ended
    const { size } = file.item;
    if (message.type === 'received') {
      if (file.status !== 'sent')
        return this.#refuse(`a receipt before the end of "${file.item.path}"`);
      this.#finish(file, 'complete');
    } else if (message.type === 'ack') {
      if (message.verified > file.next || message.verified < file.acked) {
        return this.#refuse(`an ack of ${message.verified} bytes of "${file.item.path}"`);
      }
      const meter = this.#offers.get(file.offerId)!.meter!;
      meter.path = file.item.path;
      meter.add(message.verified - file.acked);
      file.acked = message.verified;
      this.emit('progress', meter.snapshot());
    } else {
      const aligned = message.from % file.rangeBytes === 0 && message.from < size;
      if (!aligned || message.from < file.acked) {
        return this.#refuse(`a re-request of "${file.item.path}" from ${message.from}`);
      }
      file.next = message.from;
      file.rewound = true;
      if (file.status === 'sent') {
        file.status = 'queued';
        this.#queue.unshift(file);
        void this.#pump();
      }
    }
    file.wakeup.notify();
  }

  #cancelled(message: MessageOf<'cancel'>): void {
    for (const file of this.#files.values()) {
      if (message.fileId !== undefined && file.fileId !== message.fileId) continue;
      if (message.offerId !== undefined && file.offerId !== message.offerId) continue;
      const outcome = message.code === 'cancelled' ? 'cancelled' : 'failed';
      this.#finish(file, outcome, errorFromPeer(message.code, file.item.path));
    }
  }

  /** Streams the queued files, one at a time. */
  async #pump(): Promise<void> {
    if (this.#pumping) return;
    this.#pumping = true;
    try {
      for (let file = this.#queue.shift(); file; file = this.#queue.shift()) {
        if (file.status !== 'queued') continue;
        const chunkSize = chunkSizeFor(this.options.peerConnection?.sctp?.maxMessageSize);
        try {
          await file.stream(this.channel, chunkSize, (n) => (this.bytesSent += n));
        } catch (error) {
          if (!file.active) continue;
          const { path } = file.item;
          sendJson(this.channel, { type: 'cancel', fileId: file.fileId, code: 'cancelled' });
          const why = new TransferError('read-failed', `Could not read "${path}" to send it.`, {
            path,
          });
          this.#finish(file, 'failed', Object.assign(why, { cause: error }));
        }
      }
    } finally {
      this.#pumping = false;
    }
  }

  #closed(): void {
    for (const file of this.#files.values()) {
      const { path } = file.item;
      const error = new TransferError(
        'channel-closed',
        `The connection closed before "${path}" was complete; offer it again to resume.`,
        { path },
      );
      this.#finish(file, 'interrupted', error);
    }
  }

  #finish(file: OutgoingFile, outcome: FileResult['outcome'], error?: TransferError) {
    const offer = this.#offers.get(file.offerId)!;
    if (offer.results.has(file.fileId)) return undefined;
    file.status = 'finished';
    file.wakeup.notify();
    const { path, size } = file.item;
    const result: FileResult = { offerId: file.offerId, fileId: file.fileId, path, size, outcome };
    if (error) result.error = error;
    const complete = offer.results.add(result);
    this.#deliver('file', result);
    if (complete) this.#deliver('done', offer.results.result());
    return result;
  }

  #refuse(reason: string): void {
    const error = new TransferError('bad-message', `The receiver sent ${reason}; it was ignored.`);
    this.#deliver('error', error);
  }

  #deliver<K extends keyof TransferSenderEvents>(type: K, value: TransferSenderEvents[K]): void {
    try {
      this.emit(type, value);
    } catch (error) {
      console.error(`A "${String(type)}" listener of the transfer failed`, error);
    }
  }
}
