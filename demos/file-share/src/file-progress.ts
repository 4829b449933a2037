import type { TransferProgress } from '@peerlab/transfer';

/** One file's bytes, as far as they got. */
export interface FileBytes {
  path: string;
  size: number;
  /** What an earlier attempt kept (0 when fresh). */
  resumedFrom: number;
  done: number;
}

/**
 * Splits an offer's progress among its files. Progress comes for the whole offer, naming the
 * file that moved; files go one at a time, so what the count grew by since the last event
 * belongs to the file it names.
 */
export class FileProgress {
  readonly files = new Map<string, FileBytes>();
  #lastDone: number | undefined;

  constructor(files: readonly { path: string; size: number; resumeFrom?: number }[]) {
    for (const { path, size, resumeFrom = 0 } of files) {
      this.files.set(path, { path, size, resumedFrom: resumeFrom, done: resumeFrom });
    }
  }

  /** Takes an offer's progress event; returns the file it moved, if any. */
  update(progress: TransferProgress): FileBytes | undefined {
    const grew = progress.done - (this.#lastDone ?? progress.resumedFrom);
    this.#lastDone = progress.done;
    const file = progress.path === undefined ? undefined : this.files.get(progress.path);
    if (!file) return undefined;
    file.done = Math.min(file.size, file.done + Math.max(0, grew));
    return file;
  }

  /** A file ended complete: all of it is there, whatever the events said. */
  complete(path: string): void {
    const file = this.files.get(path);
    if (file) file.done = file.size;
  }
}
