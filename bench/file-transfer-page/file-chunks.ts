/** How much of the file is read at a time; the next block is read while this one is sent. */
const BLOCK_BYTES = 4 * 1024 * 1024;

/** The File as `chunk`-byte pieces, read from disk a block ahead (as ours reads it). */
export async function* fileChunks(file: Blob, chunk: number): AsyncGenerator<Uint8Array> {
  const read = (at: number) => file.slice(at, at + BLOCK_BYTES).arrayBuffer();
  let next = read(0);
  for (let at = 0; at < file.size; at += BLOCK_BYTES) {
    const block = new Uint8Array(await next);
    if (at + BLOCK_BYTES < file.size) next = read(at + BLOCK_BYTES);
    for (let offset = 0; offset < block.byteLength; offset += chunk) {
      yield block.subarray(offset, offset + chunk);
    }
  }
}
