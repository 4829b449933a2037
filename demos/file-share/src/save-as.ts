/** `showSaveFilePicker`, where the browser has it (Chromium); TypeScript's DOM types lack it. */
type SavePicker = (options: { suggestedName: string }) => Promise<FileSystemFileHandle>;

export const canSaveAs =
  typeof (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker === 'function';

/**
 * Copies a received file to a place the person picks, as a stream: the file is read from the
 * private file system piece by piece, never whole in memory. A cancelled picker does nothing.
 */
export async function saveAs(file: Blob, suggestedName: string): Promise<void> {
  const pick = (window as { showSaveFilePicker?: SavePicker }).showSaveFilePicker!;
  let handle: FileSystemFileHandle;
  try {
    handle = await pick({ suggestedName });
  } catch (error) {
    if ((error as Error).name === 'AbortError') return;
    throw error;
  }
  await file.stream().pipeTo(await handle.createWritable());
}
