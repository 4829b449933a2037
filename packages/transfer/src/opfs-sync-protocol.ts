/** What the page asks the writing worker (opfs-sync-worker.ts), one request at a time per file. */
export type SyncRequest =
  | { op: 'probe' }
  | { op: 'open'; folder: string; path: string; keep: boolean }
  | { op: 'write'; path: string; offset: number; bytes: Uint8Array<ArrayBuffer>; flush: boolean }
  | { op: 'close'; path: string; size: number }
  | { op: 'abort'; folder: string; path: string };

export type SyncReply = { id: number } &
  // A write's bytes come back, moved, to be used again for another range.
  ({ ok: true; bytes?: Uint8Array<ArrayBuffer> } | { ok: false; name: string; message: string });
