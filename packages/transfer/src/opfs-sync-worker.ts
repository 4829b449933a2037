import { walk } from './opfs-path.ts';
import type { SyncReply, SyncRequest } from './opfs-sync-protocol.ts';

/**
 * The worker behind `OpfsSyncFolder`. A `FileSystemSyncAccessHandle` (workers only) writes in
 * place: what `write` returned is in the file at once, where `createWritable` writes to a copy
 * that replaces the file only on `close()`, so a reload loses nothing that was written.
 */

/** The part of `FileSystemSyncAccessHandle` used here (TypeScript's DOM types lack it). */
interface SyncAccessHandle {
  write(bytes: Uint8Array, options: { at: number }): number;
  truncate(size: number): void;
  flush(): void;
  close(): void;
}
type SyncFileHandle = FileSystemFileHandle & {
  createSyncAccessHandle(): Promise<SyncAccessHandle>;
};

const open = new Map<string, SyncAccessHandle>();
let queue = Promise.resolve();

async function handle(request: SyncRequest): Promise<void> {
  switch (request.op) {
    case 'probe':
      if (!('createSyncAccessHandle' in FileSystemFileHandle.prototype)) {
        throw new Error('This browser has no sync access handles.');
      }
      return;
    case 'open': {
      open.get(request.path)?.close();
      const root = await navigator.storage.getDirectory();
      const base = await root.getDirectoryHandle(request.folder, { create: true });
      const { folder, name } = await walk(base, request.path, true);
      const file = (await folder.getFileHandle(name, { create: true })) as SyncFileHandle;
      const access = await file.createSyncAccessHandle();
      if (!request.keep) access.truncate(0);
      open.set(request.path, access);
      return;
    }
    case 'write': {
      const access = open.get(request.path);
      if (!access) throw new Error(`"${request.path}" is not open`);
      access.write(request.bytes, { at: request.offset });
      if (request.flush) access.flush();
      return;
    }
    case 'close': {
      const access = open.get(request.path);
      open.delete(request.path);
      if (!access) return;
      access.truncate(request.size); // a resume may have left bytes past what was kept
      access.flush();
      access.close();
      return;
    }
    case 'abort': {
      open.get(request.path)?.close();
      open.delete(request.path);
      const root = await navigator.storage.getDirectory();
      const base = await root.getDirectoryHandle(request.folder, { create: true });
      const { folder, name } = await walk(base, request.path, false).catch(() => ({
        folder: undefined,
        name: '',
      }));
      await folder?.removeEntry(name).catch(() => {}); // already gone
    }
  }
}

// Requests are handled in order, so a write never overtakes the open before it.
self.addEventListener('message', ({ data }: MessageEvent<SyncRequest & { id: number }>) => {
  queue = queue.then(async () => {
    let reply: SyncReply;
    try {
      await handle(data);
      // A whole buffer the page moved here goes back to it, moved again; a part stays here.
      const back = data.op === 'write' && !isPart(data.bytes) ? data.bytes : undefined;
      reply = { id: data.id, ok: true, ...(back && { bytes: back }) };
    } catch (error) {
      const { name = 'Error', message = String(error) } = error as Partial<Error>;
      reply = { id: data.id, ok: false, name, message };
    }
    self.postMessage(reply, { transfer: reply.ok && reply.bytes ? [reply.bytes.buffer] : [] });
  });
});

/** True for bytes that are only a part of their buffer: those are not moved. */
function isPart(bytes: Uint8Array): boolean {
  return bytes.byteOffset !== 0 || bytes.byteLength !== bytes.buffer.byteLength;
}
