import type { OfferItem } from '@peerlab/transfer';

// #region pick
/**
 * Files picked with `<input multiple>` or `<input webkitdirectory>`: a folder's files know
 * their place in it (`webkitRelativePath`, "photos/2024/a.jpg"), which becomes their path.
 */
export function pickedFiles(input: HTMLInputElement): OfferItem[] {
  return [...(input.files ?? [])].map((file) => ({
    file,
    path: file.webkitRelativePath || file.name,
  }));
}

/**
 * What was dropped: files, and whole folders walked to their files with the relative path of
 * each. The entries must be taken during the drop event, before anything is awaited: the
 * browser empties the DataTransfer once the event is over.
 */
export function droppedFiles(data: DataTransfer): Promise<OfferItem[]> {
  const entries: Promise<OfferItem[]>[] = [];
  for (const item of data.items) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry();
    const file = item.getAsFile();
    // A DataTransfer made by a script has no entries: its files are taken as they are.
    if (entry) entries.push(walk(entry, ''));
    else if (file) entries.push(Promise.resolve([{ file, path: file.name }]));
  }
  return Promise.all(entries).then((lists) => lists.flat());
}

async function walk(entry: FileSystemEntry, folder: string): Promise<OfferItem[]> {
  const path = folder ? `${folder}/${entry.name}` : entry.name;
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    return [{ file, path }];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // `readEntries` hands out at most 100 entries a call: call until it hands out none.
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) break;
    children.push(...batch);
  }
  const lists = await Promise.all(children.map((child) => walk(child, path)));
  return lists.flat();
}
// #endregion pick

/** A text snippet, offered like a file: the receiver shows it instead of saving it. */
export function textSnippet(text: string, n: number): OfferItem {
  return {
    file: new File([text], `text-${n}.txt`, { type: 'text/plain' }),
    path: `text-${n}.txt`,
  };
}
