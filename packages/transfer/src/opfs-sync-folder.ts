import type { FileSink } from './file-sink.ts';
import { checkFreeSpace, type EstimateStorage } from './free-space.ts';
import type { SinkTarget } from './opfs-folder.ts';
import { entryNames, walk } from './opfs-path.ts';
import type { SyncReply, SyncRequest } from './opfs-sync-protocol.ts';
import { giveRangeBuffer } from './range-buffers.ts';
import { TransferError } from './transfer-error.ts';
import { RANGE_BYTES } from './wire-format.ts';

/**
 * A folder of the origin private file system written through sync access handles in a
 * dedicated worker: every write is in the file when it resolves, so what the receiver verified
 * survives a reload of the page, and a resume picks up there. (`OpfsFolder`'s `createWritable`
 * commits only on `close()`, which a reload never reaches.) Written in place, a resumed file
 * needs only its missing bytes free.
 */
export class OpfsSyncFolder {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (e: Error) => void }>();
  #nextId = 1;

  private constructor(
    readonly name: string,
    readonly directory: FileSystemDirectoryHandle,
    private readonly estimate: EstimateStorage,
  ) {
    this.#worker = new Worker(new URL('./opfs-sync-worker.ts', import.meta.url), {
      type: 'module',
    });
    this.#worker.addEventListener('message', ({ data }: MessageEvent<SyncReply>) => {
      const waiting = this.#waiting.get(data.id);
      this.#waiting.delete(data.id);
      if (data.ok && data.bytes && data.bytes.byteLength > 0) giveRangeBuffer(data.bytes.buffer);
      if (data.ok) waiting?.resolve();
      else waiting?.reject(Object.assign(new Error(data.message), { name: data.name }));
    });
    // A worker that cannot load answers nothing: fail what waits rather than hang.
    this.#worker.addEventListener('error', (event) => {
      event.preventDefault();
      for (const { reject } of this.#waiting.values()) {
        reject(new Error(`The writing worker stopped: ${event.message || 'it did not load'}`));
      }
      this.#waiting.clear();
    });
  }

  /** Whether this page can have an OPFS folder and a worker (`open` checks the rest). */
  static get supported(): boolean {
    return (
      typeof Worker !== 'undefined' &&
      typeof navigator !== 'undefined' &&
      typeof navigator.storage?.getDirectory === 'function'
    );
  }

  /**
   * Opens the folder and its worker; rejects where workers have no sync access handles
   * (`createSyncAccessHandle` exists in dedicated workers only, so only the worker can tell).
   */
  static async open(
    name = 'received',
    estimate: EstimateStorage = () => navigator.storage.estimate(),
  ): Promise<OpfsSyncFolder> {
    const root = await navigator.storage.getDirectory();
    const directory = await root.getDirectoryHandle(name, { create: true });
    const folder = new OpfsSyncFolder(name, directory, estimate);
    try {
      await folder.request({ op: 'probe' });
    } catch (error) {
      folder.terminate();
      throw error;
    }
    return folder;
  }

  /** Throws `not-enough-space`, having written nothing, when the missing bytes would not fit. */
  async checkSpace(files: readonly SinkTarget[]): Promise<void> {
    const needed = files.reduce((sum, file) => sum + file.size - file.resumeFrom, 0);
    await checkFreeSpace(needed, this.estimate);
  }

  /** A sink writing `target.path`; it opens the file at its first write or close. */
  sink(target: SinkTarget): FileSink {
    return new SyncSink(this, target);
  }

  /** The file at `path`, as written so far. It is read from disk, not held in memory. */
  async file(path: string): Promise<File> {
    const { folder, name } = await walk(this.directory, path, false);
    return (await folder.getFileHandle(name)).getFile();
  }

  names(): Promise<string[]> {
    return entryNames(this.directory);
  }

  /** Deletes everything in the folder. */
  async clear(): Promise<void> {
    for (const name of await this.names()) {
      await this.directory.removeEntry(name, { recursive: true });
    }
  }

  /** Stops the worker; the files it had open are closed with it. */
  terminate(): void {
    this.#worker.terminate();
  }

  /** @internal Sends a request to the worker; resolves once it was carried out. */
  request(request: SyncRequest, transfer: Transferable[] = []): Promise<void> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ ...request, id }, transfer);
    });
  }
}

class SyncSink implements FileSink {
  readonly keepsEarlierBytes: boolean;
  #opened: Promise<void> | undefined;
  #failure: unknown;

  constructor(
    private readonly folder: OpfsSyncFolder,
    private readonly target: SinkTarget,
  ) {
    this.keepsEarlierBytes = target.resumeFrom > 0;
  }

  #open(): Promise<void> {
    const { name } = this.folder;
    this.#opened ??= this.folder.request({
      op: 'open',
      folder: name,
      path: this.target.path,
      keep: this.keepsEarlierBytes,
    });
    return this.#opened;
  }

  /**
   * Writes go to the worker without waiting for each, in order; the write that ends a range
   * waits for all of them and for the flush. The receiver takes a range's digest only after
   * that write returned, so a range counted verified is on disk, and at most one range is in
   * flight.
   */
  async write(offset: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const { path } = this.target;
    this.#throwIfFailed();
    const end = offset + bytes.byteLength;
    const flush = end % RANGE_BYTES === 0 || end === this.target.size;
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const transfer = whole ? [bytes.buffer] : [];
    const written = this.#open()
      // Moved, not copied: a copy would leave a 1 MiB buffer a range for each side's garbage
      // collector, and the page's, whose heap barely grows, runs seldom.
      .then(() => this.folder.request({ op: 'write', path, offset, bytes, flush }, transfer))
      .catch((error: unknown) => void (this.#failure ??= error));
    if (!flush) return;
    await written;
    this.#throwIfFailed();
  }

  #throwIfFailed(): void {
    const error = this.#failure as Error | undefined;
    if (!error) return;
    const { path } = this.target;
    throw new TransferError(
      error.name === 'QuotaExceededError' ? 'not-enough-space' : 'sink-failed',
      `Could not write "${path}": ${error.message}`,
      { path },
      { cause: error },
    );
  }

  async close(): Promise<void> {
    await this.#open();
    await this.folder.request({ op: 'close', path: this.target.path, size: this.target.size });
    this.#throwIfFailed();
  }

  async abort(): Promise<void> {
    // A file this sink never opened is someone else's, unless it is our own earlier attempt.
    if (!this.#opened && !this.keepsEarlierBytes) return;
    await this.#opened?.catch(() => {});
    const { name } = this.folder;
    await this.folder.request({ op: 'abort', folder: name, path: this.target.path });
  }
}
