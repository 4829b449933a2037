import { TypedEmitter } from '@peerlab/events';
import { assertReliable, sendJson } from './channel-io.ts';
import { isHashState } from './file-hash.ts';
import { IncomingOffer, type ChooseSink, type OfferAnswerer } from './incoming-offer.ts';
import { describeOffer } from './incoming-files.ts';
import { ProgressMeter, type TransferProgress } from './progress-meter.ts';
import { receiverErrors } from './receiver-errors.ts';
import { ReceivingFile } from './receiving-file.ts';
import type { ResumeEntry, ResumeState } from './resume-state.ts';
import { errorFromPeer, TransferError, wireCode, type WireCode } from './transfer-error.ts';
import { OfferResults, type FileResult, type OfferResult } from './transfer-results.ts';
import { decodeChunk } from './wire-format.ts';
import { parseMessage, type MessageOf } from './wire-messages.ts';

export interface TransferReceiverEvents {
  /** The sender offers files: answer or decline the offer. */
  offer: IncomingOffer;
  progress: TransferProgress;
  /** A file has its outcome (`complete`: verified and its sink closed). */
  file: FileResult;
  done: OfferResult;
  /** What to keep for a resume, after files were interrupted and their sinks closed. */
  'resume-state': ResumeState;
  /** Something went wrong that did not end a file: a bad message (ignored), a range re-requested. */
  error: TransferError;
}

export interface TransferReceiverOptions {
  /** What an earlier receiver verified (`resumeState()`), to ask only for the rest. */
  resume?: ResumeState;
}

interface Offer {
  files: ReceivingFile[];
  results: OfferResults;
  meter?: ProgressMeter;
}

/**
 * The receiving side of one data channel. Every message from the sender is checked; one that
 * does not belong is reported as a `bad-message` error and ignored, and the transfer goes on.
 * Messages are handled one after the other, so each range is checked and written before the
 * next message is looked at; the sender's window (wire-format.ts) bounds how many wait meanwhile.
 */
export class TransferReceiver
  extends TypedEmitter<TransferReceiverEvents>
  implements OfferAnswerer
{
  readonly #offers = new Map<number, Offer>();
  readonly #files = new Map<number, ReceivingFile>();
  /** Verified ranges by path: the initial ResumeState, updated as ranges match. */
  readonly #resume = new Map<string, ResumeEntry>();
  #queue = Promise.resolve();
  readonly #stop: () => void;

  constructor(
    readonly channel: RTCDataChannel,
    options: TransferReceiverOptions = {},
  ) {
    super();
    assertReliable(channel);
    channel.binaryType = 'arraybuffer';
    for (const entry of options.resume?.files ?? []) this.#resume.set(entry.path, entry);
    const onMessage = ({ data }: MessageEvent<unknown>) => this.#enqueue(() => this.#receive(data));
    const onClose = () => this.#enqueue(() => this.#closed());
    channel.addEventListener('message', onMessage);
    channel.addEventListener('close', onClose);
    this.#stop = () => {
      channel.removeEventListener('message', onMessage);
      channel.removeEventListener('close', onClose);
    };
  }

  /** What a later receiver needs to resume: plain JSON, for the page to keep. */
  resumeState(): ResumeState {
    return { v: 1, files: [...this.#resume.values()] };
  }

  /** Stops every offer (or one offer, or one file) and tells the sender. */
  cancel(offerId?: number, fileId?: number): void {
    sendJson(this.channel, { type: 'cancel', code: 'cancelled', offerId, fileId });
    this.#enqueue(async () => {
      for (const file of this.#matching(offerId, fileId)) {
        await this.#end(file, 'cancelled', receiverErrors.cancelled(file.file.path));
      }
    });
  }

  /**
   * Stops listening to the channel, as if it had closed: files under way end as `interrupted`,
   * their sinks keep what came, and `resume-state` follows. Call it when you close the peer
   * connection yourself, since a channel closed that way fires no `close` event here.
   */
  close(): void {
    this.#stop();
    this.#enqueue(() => this.#closed());
  }

  async answer(incoming: IncomingOffer, choose: ChooseSink): Promise<void> {
    const offer = this.#offers.get(incoming.offerId);
    if (!offer) return;
    const entries: MessageOf<'answer'>['files'] = [];
    const decline = (file: ReceivingFile, error: TransferError) => {
      entries.push({ fileId: file.file.fileId, declined: wireCode(error) });
      this.#enqueue(() => this.#end(file, 'declined', error));
    };
    for (const file of offer.files) {
      const { fileId, path, resumeFrom } = file.file;
      let sink;
      try {
        sink = file.status === 'offered' ? await choose(file.file) : null;
      } catch (error) {
        decline(file, error instanceof TransferError ? error : receiverErrors.declined(path));
        continue;
      }
      if (file.status !== 'offered') continue; // cancelled or closed meanwhile
      if (!sink) {
        decline(file, receiverErrors.declined(path));
        continue;
      }
      const kept = this.#resume.get(path)?.hashState;
      const resumes =
        resumeFrom > 0 && !!sink.keepsEarlierBytes && !!kept && (await isHashState(kept));
      if (!resumes) this.#resume.delete(path);
      file.begin(sink, resumes ? resumeFrom : 0, resumes ? kept : undefined);
      entries.push({ fileId, from: file.verified });
    }
    this.#enqueue(() => {
      const accepted = offer.files.filter((file) => file.status === 'receiving');
      const total = accepted.reduce((sum, file) => sum + file.file.size, 0);
      const resumed = accepted.reduce((sum, file) => sum + file.verified, 0);
      offer.meter = new ProgressMeter(incoming.offerId, total, resumed);
      sendJson(this.channel, { type: 'answer', offerId: incoming.offerId, files: entries });
    });
  }

  decline(incoming: IncomingOffer, error?: TransferError): void {
    const code = error ? wireCode(error) : 'declined';
    const files = incoming.files.map(({ fileId }) => ({ fileId, declined: code }));
    sendJson(this.channel, { type: 'answer', offerId: incoming.offerId, files });
    this.#enqueue(async () => {
      for (const file of this.#offers.get(incoming.offerId)?.files ?? []) {
        await this.#end(file, 'declined', error ?? receiverErrors.declined(file.file.path));
      }
    });
  }

  #enqueue(task: () => void | Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      console.error('The transfer failed on a message from the sender', error);
    });
  }

  async #receive(data: unknown): Promise<void> {
    if (data instanceof ArrayBuffer) return this.#chunk(data);
    if (typeof data !== 'string') return this.#refuse('a message of an unknown kind');
    const parsed = parseMessage(data);
    if (!parsed.ok) return this.#refuse(parsed.reason);
    const { message } = parsed;
    switch (message.type) {
      case 'offer':
        return this.#offered(message);
      case 'range':
      case 'end':
        return this.#digest(message);
      case 'cancel': {
        const code = message.code;
        for (const file of this.#matching(message.offerId, message.fileId)) {
          const outcome = code === 'cancelled' ? 'cancelled' : 'failed';
          await this.#end(file, outcome, errorFromPeer(code, file.file.path));
        }
        return;
      }
      default:
        return this.#refuse(`an "${message.type}" message, which only a receiver sends`);
    }
  }

  #offered(message: MessageOf<'offer'>): void {
    const { offerId, rangeBytes } = message;
    if (this.#offers.has(offerId) || message.files.some((f) => this.#files.has(f.fileId))) {
      return this.#refuse(`offer ${offerId} again, or files it offered before`);
    }
    const shown = describeOffer(message, this.#resume);
    const files = shown.map((file) => new ReceivingFile(offerId, file, rangeBytes));
    const results = new OfferResults(
      offerId,
      shown.map((file) => file.fileId),
    );
    this.#offers.set(offerId, { files, results });
    for (const file of files) this.#files.set(file.file.fileId, file);
    this.#deliver('offer', new IncomingOffer(offerId, shown, this));
  }

  /** The file a chunk or digest is for, if it is being received; a complaint if it cannot be. */
  #receiving(fileId: number, what: string): ReceivingFile | undefined {
    const file = this.#files.get(fileId);
    if (!file || file.status === 'offered') {
      this.#refuse(`${what} of file ${fileId}, which is not being received`);
      return undefined;
    }
    return file.status === 'receiving' ? file : undefined; // else in flight when it ended
  }

  #chunk(data: ArrayBuffer): void {
    const chunk = decodeChunk(data);
    if (!chunk) return this.#refuse('a binary message that is not a chunk');
    const file = this.#receiving(chunk.fileId, 'a chunk');
    if (!file) return;
    const problem = file.takeChunk(chunk.offset, chunk.payload);
    if (problem) this.#refuse(`${problem} of "${file.file.path}"`);
  }

  async #digest(message: MessageOf<'range' | 'end'>): Promise<void> {
    const file = this.#receiving(message.fileId, 'a digest');
    if (!file) return;
    const { path, fileId } = file.file;
    if (message.type === 'end') file.takeEnd(message.sha256);
    else {
      let verdict;
      try {
        verdict = await file.takeRange(message.index, message.sha256);
      } catch (error) {
        // The sink's write failed (a full disk, a limit): the file fails.
        const why = error instanceof TransferError ? error : receiverErrors.sinkFailed(path, error);
        return this.#end(file, 'failed', why, wireCode(why));
      }
      switch (verdict.kind) {
        case 'bad':
          return this.#refuse(`${verdict.reason} of "${path}"`);
        case 'retry':
          sendJson(this.channel, { type: 'retry', fileId, from: verdict.from });
          return this.#deliver('error', receiverErrors.rangeDamaged(path));
        case 'damaged':
          return this.#end(file, 'failed', receiverErrors.keptDamaged(path), 'hash-mismatch');
        case 'verified': {
          const entry = file.resumeEntry();
          if (entry) this.#resume.set(path, entry);
          sendJson(this.channel, { type: 'ack', fileId, verified: file.verified });
          const meter = this.#offers.get(file.offerId)!.meter!;
          meter.path = path;
          meter.add(verdict.bytes);
          this.#deliver('progress', meter.snapshot());
        }
      }
    }
    const state = await file.check();
    if (state === 'incomplete') return;
    if (state === 'mismatch') {
      const error = receiverErrors.wholeMismatch(path, file.file.resumeFrom > 0);
      return this.#end(file, 'failed', error, 'hash-mismatch');
    }
    try {
      await file.sink!.close();
    } catch (cause) {
      return this.#end(file, 'failed', receiverErrors.sinkFailed(path, cause), 'sink-failed');
    }
    sendJson(this.channel, { type: 'received', fileId });
    await this.#end(file, 'complete');
  }

  async #closed(): Promise<void> {
    let interrupted = false;
    for (const file of this.#files.values()) {
      if (file.status === 'finished') continue;
      interrupted ||= file.status === 'receiving';
      await this.#end(file, 'interrupted', receiverErrors.closed(file.file.path));
    }
    if (interrupted) this.#deliver('resume-state', this.resumeState());
  }

  *#matching(offerId?: number, fileId?: number): Iterable<ReceivingFile> {
    for (const file of this.#files.values()) {
      if (offerId !== undefined && file.offerId !== offerId) continue;
      if (fileId !== undefined && file.file.fileId !== fileId) continue;
      yield file;
    }
  }

  /**
   * Gives a file its outcome: the sink is closed (interrupted: keep what came for a resume) or
   * aborted (the bytes are worthless), and with `tell` the sender hears why.
   */
  async #end(
    file: ReceivingFile,
    outcome: FileResult['outcome'],
    error?: TransferError,
    tell?: WireCode,
  ) {
    if (file.status === 'finished') return;
    const wasReceiving = file.status === 'receiving';
    file.status = 'finished';
    file.release();
    const { path, size, fileId } = file.file;
    if (tell) sendJson(this.channel, { type: 'cancel', fileId, code: tell });
    if (outcome !== 'interrupted') this.#resume.delete(path);
    try {
      if (wasReceiving && outcome === 'interrupted' && file.wrote) await file.sink!.close();
      else if (wasReceiving && outcome !== 'complete' && outcome !== 'interrupted') {
        await file.sink!.abort();
      }
    } catch (cause) {
      console.warn(`Could not tidy up after "${path}"`, cause);
    }
    const offer = this.#offers.get(file.offerId)!;
    const result: FileResult = { offerId: file.offerId, fileId, path, size, outcome };
    if (error) result.error = error;
    const complete = offer.results.add(result);
    this.#deliver('file', result);
    if (complete) this.#deliver('done', offer.results.result());
  }

  #refuse(reason: string): void {
    const error = new TransferError('bad-message', `The sender sent ${reason}; it was ignored.`);
    this.#deliver('error', error);
  }

  #deliver<K extends keyof TransferReceiverEvents>(type: K, value: TransferReceiverEvents[K]) {
    try {
      this.emit(type, value);
    } catch (error) {
      // A listener's bug must not become the peer's power to break the page.
      console.error(`A "${String(type)}" listener of the transfer failed`, error);
    }
  }
}
