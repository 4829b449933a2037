import type { AsciiFrame } from './ascii-convert.ts';
import { TextCanvas } from './text-canvas.ts';

/** Puts the frame's text on the clipboard; resolves with what to tell the user either way. */
export async function copyText(text: string): Promise<string> {
  try {
    // Undefined on insecure pages; rejects when the user or a policy denied the permission.
    await navigator.clipboard.writeText(text);
    return `Copied ${text.length} characters.`;
  } catch {
    return 'The browser did not let this page use the clipboard: select the text and press Ctrl+C (⌘C on a Mac).';
  }
}

/** Saves the frame's text as a `.txt` file. */
export function downloadText(text: string, name = 'ascii-camera.txt'): void {
  download(new Blob([text], { type: 'text/plain;charset=utf-8' }), name);
}

/** Saves the frame as a PNG, drawn the way the canvas view draws it (in colour if it has any). */
export async function downloadPng(frame: AsciiFrame, name = 'ascii-camera.png'): Promise<void> {
  const canvas = new OffscreenCanvas(1, 1);
  new TextCanvas(canvas).draw(frame.text, frame.columns, frame.rows, frame.colors);
  download(await canvas.convertToBlob({ type: 'image/png' }), name);
}

function download(blob: Blob, name: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = name;
  link.click();
  // The download has started by the next task; the URL is not needed after that.
  setTimeout(() => URL.revokeObjectURL(link.href));
}
