import { createHash } from 'node:crypto';
import { expect, type Page } from '@peerlab/testing';
import type { FileRoom } from '../src/file-room.ts';
import type { ReceivedStorage } from '../src/received-storage.ts';
import type { Receiving } from '../src/receiving.ts';
import type { Sending } from '../src/sending.ts';

/** This page's part of `window.peerlab`, the page handle, besides the shared `call`. */
export type FileShareHandle = {
  room: FileRoom;
  sending: Sending;
  receiving: Receiving;
  storage: ReceivedStorage;
  share: (items: { file: Blob; path: string }[]) => void;
};

export const FILE_SHARE_PATH = '/demos/file-share/';
export const MiB = 1024 * 1024;

export const roomPath = (room: string) => `${FILE_SHARE_PATH}?room=${room}`;

/** Waits until the page has `count` other peers with both transfer channels open. */
export async function expectLinked(page: Page, count: number): Promise<void> {
  await expect
    .poll(
      // The handle appears once the page has opened its storage, after the first load.
      () =>
        page.evaluate(() => (window.peerlab as FileShareHandle | undefined)?.room.links.size ?? -1),
      { timeout: 30_000 },
    )
    .toBe(count);
}

/** Random bytes that differ every run, and their SHA-256 from Node's own crypto. */
export function randomBytes(size: number): { buffer: Buffer; sha256: string } {
  const buffer = Buffer.alloc(size);
  for (let at = 0; at < size; at += 65_536) {
    crypto.getRandomValues(buffer.subarray(at, Math.min(size, at + 65_536)));
  }
  return { buffer, sha256: createHash('sha256').update(buffer).digest('hex') };
}

/**
 * Makes a random file of `size` bytes in the sender's page and drops it on the drop zone, as a
 * person dragging a file in would. Returns its SHA-256 by the browser's own `crypto.subtle`,
 * not by the package under test. (Made in the page: 100 MiB through Playwright would be slow.)
 */
export function dropRandomFile(page: Page, name: string, size: number): Promise<string> {
  return page.evaluate(
    async ({ name, size }) => {
      const bytes = new Uint8Array(size);
      for (let at = 0; at < size; at += 65_536) {
        crypto.getRandomValues(bytes.subarray(at, Math.min(size, at + 65_536)));
      }
      const digest = await crypto.subtle.digest('SHA-256', bytes);
      const data = new DataTransfer();
      data.items.add(new File([bytes], name));
      const zone = document.querySelector('#drop-zone')!;
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true }));
      return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    },
    { name, size },
  );
}

/** The SHA-256 of a received file, read back from where the page saved it. */
export function receivedSha256(page: Page, path: string): Promise<string | undefined> {
  return page.evaluate(async (path) => {
    const file = await (window.peerlab as FileShareHandle).storage.file(path).catch(() => {});
    if (!file) return undefined;
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
  }, path);
}

/** Every file path in the page's private storage folder, sorted. */
export function storedPaths(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    // TypeScript's DOM types lack a folder's async iteration; `next()` is called by hand.
    type Folder = FileSystemDirectoryHandle & {
      values(): AsyncIterator<FileSystemHandle>;
    };
    const paths: string[] = [];
    const folders: [Folder, string][] = [];
    const root = await navigator.storage.getDirectory();
    folders.push([(await root.getDirectoryHandle('file-share', { create: true })) as Folder, '']);
    while (folders.length > 0) {
      const [folder, prefix] = folders.pop()!;
      const entries = folder.values();
      for (let next = await entries.next(); !next.done; next = await entries.next()) {
        const handle = next.value;
        if (handle.kind === 'file') paths.push(prefix + handle.name);
        else folders.push([handle as Folder, `${prefix}${handle.name}/`]);
      }
    }
    return paths.sort();
  });
}

/** The row of a received file, by its (safe) path. */
export const receivedRow = (page: Page, path: string) =>
  page.locator(`.incoming li[data-path="${path.replaceAll('"', '\\"')}"]`);

/** Waits for the first offer on the page and accepts it. */
export async function acceptOffer(page: Page): Promise<void> {
  await page.locator('.incoming .accept').first().click();
}

/** Waits until the received file at `path` is complete. */
export async function expectComplete(page: Page, path: string, timeout = 60_000) {
  await expect(receivedRow(page, path).locator('.state')).toHaveAttribute(
    'data-state',
    'complete',
    { timeout },
  );
}
