/** The folder holding `path` under `root` (made on the way with `create`), and the file's name. */
export async function walk(
  root: FileSystemDirectoryHandle,
  path: string,
  create: boolean,
): Promise<{ folder: FileSystemDirectoryHandle; name: string }> {
  const segments = path.split('/');
  const name = segments.pop()!;
  let folder = root;
  for (const segment of segments) folder = await folder.getDirectoryHandle(segment, { create });
  return { folder, name };
}

/** The names of the entries at the top of `folder`. */
export async function entryNames(folder: FileSystemDirectoryHandle): Promise<string[]> {
  // TypeScript's DOM types lack the handle's async iteration (lib "DOM.AsyncIterable").
  const entries = folder as unknown as { keys(): AsyncIterable<string> };
  const names: string[] = [];
  for await (const name of entries.keys()) names.push(name);
  return names;
}
