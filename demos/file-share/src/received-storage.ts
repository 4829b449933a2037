import {
  MemorySink,
  OpfsSyncFolder,
  type FileSink,
  type IncomingFile,
  type SinkTarget,
} from '@peerlab/transfer';

// #region storage
/**
 * Where received files go. With sync access handles (every current browser) they are written
 * to the origin private file system as they arrive, so memory stays bounded whatever the size
 * and a reload keeps what was written. Without, they are built in memory, up to
 * MemorySink's 256 MiB; a larger file is declined with `too-large`, before any byte.
 */
export class ReceivedStorage {
  readonly #memory = new Map<string, MemorySink>();

  private constructor(readonly folder: OpfsSyncFolder | undefined) {}

  static async open(): Promise<ReceivedStorage> {
    if (!OpfsSyncFolder.supported) return new ReceivedStorage(undefined);
    try {
      return new ReceivedStorage(await OpfsSyncFolder.open('file-share'));
    } catch {
      return new ReceivedStorage(undefined); // storage refused (a private window, say)
    }
  }

  /** Throws `not-enough-space` when the files would not fit on disk; writes nothing. */
  async checkSpace(files: readonly SinkTarget[]): Promise<void> {
    await this.folder?.checkSpace(files);
  }

  /** The sink for a file; `MemorySink.for` throws `too-large` above its limit. */
  sink(file: IncomingFile): FileSink {
    if (this.folder) return this.folder.sink(file);
    const sink = MemorySink.for(file);
    this.#memory.set(file.path, sink);
    return sink;
  }

  /** A received file, to hand to the user: read from disk, or the Blob built in memory. */
  async file(path: string): Promise<Blob | undefined> {
    if (this.folder) return this.folder.file(path);
    return this.#memory.get(path)?.blob;
  }
}
// #endregion storage
