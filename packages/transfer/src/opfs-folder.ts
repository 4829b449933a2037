import type { FileSink } from './file-sink.ts';
import { checkFreeSpace, type EstimateStorage } from './free-space.ts';
import { entryNames, walk } from './opfs-path.ts';
import { TransferError } from './transfer-error.ts';

export type { EstimateStorage } from './free-space.ts';

/** A file to be written, as the receiver describes it (an `IncomingFile` fits). */
export interface SinkTarget {
  path: string;
  size: number;
  /** Bytes an earlier attempt wrote that this one keeps. */
  resumeFrom: number;
}

/**
 * A folder of the origin private file system (OPFS): the page's own disk space, no permission
 * prompt, and no file held in memory. Received files are written under it at their (already
 * safe) relative paths.
 */
export class OpfsFolder {
  private constructor(
    readonly directory: FileSystemDirectoryHandle,
    private readonly estimate: EstimateStorage,
  ) {}

  static async open(
    name = 'received',
    estimate: EstimateStorage = () => navigator.storage.estimate(),
  ): Promise<OpfsFolder> {
    const root = await navigator.storage.getDirectory();
    return new OpfsFolder(await root.getDirectoryHandle(name, { create: true }), estimate);
  }

  /**
   * Throws a `not-enough-space` TransferError, having written nothing, when the files would not
   * fit. A file being written with `createWritable` goes to a copy that replaces it on `close()`,
   * so even a resumed file needs its whole size free while it is written.
   */
  async checkSpace(files: readonly SinkTarget[]): Promise<void> {
    const needed = files.reduce((sum, file) => sum + file.size, 0);
    await checkFreeSpace(needed, this.estimate);
  }

  /** A sink writing `target.path`; it touches the disk only at its first write or close. */
  sink(target: SinkTarget): FileSink {
    return new OpfsSink(this.directory, target.path, target.resumeFrom > 0);
  }

  /** The file at `path`, as written so far (and closed). */
  async file(path: string): Promise<File> {
    const { folder, name } = await walk(this.directory, path, false);
    return (await folder.getFileHandle(name)).getFile();
  }

  /** The names of the entries at the top of the folder. */
  names(): Promise<string[]> {
    return entryNames(this.directory);
  }

  /** Deletes everything in the folder. */
  async clear(): Promise<void> {
    for (const name of await this.names()) {
      await this.directory.removeEntry(name, { recursive: true });
    }
  }
}

/**
 * One file in OPFS through `createWritable` (`OpfsSyncFolder` writes through a sync access handle
 * in a worker instead, so the bytes survive a reload). `keepExistingData` on a resume keeps what the first attempt wrote.
 */
class OpfsSink implements FileSink {
  #writable: Promise<FileSystemWritableFileStream> | undefined;

  constructor(
    private readonly root: FileSystemDirectoryHandle,
    private readonly path: string,
    readonly keepsEarlierBytes: boolean,
  ) {}

  #open(): Promise<FileSystemWritableFileStream> {
    this.#writable ??= (async () => {
      const { folder, name } = await walk(this.root, this.path, true);
      const handle = await folder.getFileHandle(name, { create: true });
      return handle.createWritable({ keepExistingData: this.keepsEarlierBytes });
    })();
    return this.#writable;
  }

  async write(offset: number, bytes: Uint8Array<ArrayBuffer>): Promise<void> {
    const writable = await this.#open();
    try {
      await writable.write({ type: 'write', position: offset, data: bytes });
    } catch (error) {
      throw new TransferError(
        error instanceof DOMException && error.name === 'QuotaExceededError'
          ? 'not-enough-space'
          : 'sink-failed',
        `Could not write "${this.path}": ${(error as Error).message}`,
        { path: this.path },
        { cause: error },
      );
    }
  }

  async close(): Promise<void> {
    await (await this.#open()).close();
  }

  async abort(): Promise<void> {
    // A file this sink never opened is someone else's, unless it is our own earlier attempt.
    if (!this.#writable && !this.keepsEarlierBytes) return;
    const writable = await this.#writable?.catch(() => undefined);
    await writable?.abort().catch(() => {});
    try {
      const { folder, name } = await walk(this.root, this.path, false);
      await folder.removeEntry(name);
    } catch {
      // Already gone.
    }
  }
}
