import { parseResumeState, type ResumeEntry, type ResumeState } from '@peerlab/transfer';

// #region resume-store
/**
 * What the receivers verified, kept in localStorage so it outlives a reload. Only ranges the
 * sink has written (and flushed, OpfsSyncFolder) are in a receiver's state, so what this
 * keeps is on disk. One state for the page, by path: every receiver of the room reads it.
 */
export class ResumeStore {
  constructor(private readonly key = 'peerlab-file-share:resume') {}

  load(): ResumeState {
    try {
      const stored = parseResumeState(JSON.parse(localStorage.getItem(this.key) ?? 'null'));
      if (stored) return stored;
    } catch {
      // Not JSON (written by something else): start afresh.
    }
    return { v: 1, files: [] };
  }

  /** Keeps a receiver's latest state: its entries replace those of the same paths. */
  save(state: ResumeState): void {
    const byPath = new Map<string, ResumeEntry>(this.load().files.map((f) => [f.path, f]));
    for (const entry of state.files) byPath.set(entry.path, entry);
    this.#write([...byPath.values()]);
  }

  /** A file ended (complete, cancelled, declined): nothing of it to resume. */
  forget(path: string): void {
    this.#write(this.load().files.filter((entry) => entry.path !== path));
  }

  #write(files: ResumeEntry[]): void {
    localStorage.setItem(this.key, JSON.stringify({ v: 1, files } satisfies ResumeState));
  }
}
// #endregion resume-store
