import type { TypedEmitter } from '@peerlab/events';

/** A file of `size` random bytes (random, so a misplaced chunk cannot go unnoticed). */
export function randomFile(size: number, name = 'random.bin', lastModified = 1_700_000_000_000) {
  const bytes = new Uint8Array(size);
  // getRandomValues fills at most 64 KiB per call.
  for (let at = 0; at < size; at += 65_536) crypto.getRandomValues(bytes.subarray(at, at + 65_536));
  return new File([bytes], name, { lastModified, type: 'application/octet-stream' });
}

/** A file as `<input webkitdirectory>` gives it, with its path inside the picked folder. */
export function inFolder(file: File, relativePath: string): File {
  Object.defineProperty(file, 'webkitRelativePath', { value: relativePath });
  return file;
}

/** The next `type` event that passes `test`. */
export function nextEvent<Events extends object, K extends keyof Events>(
  emitter: TypedEmitter<Events>,
  type: K,
  test: (value: Events[K]) => boolean = () => true,
): Promise<Events[K]> {
  return new Promise((resolve) => {
    const off = emitter.on(type, (value) => {
      if (!test(value)) return;
      off();
      resolve(value);
    });
  });
}
