// #region progress
import { formatBytes } from './chunks.ts';
import type { ReceivedPhoto } from './photo-receiver.ts';

/** Shows how far a transfer is in `#send-progress` / `#send-status` (or the `receive` pair). */
export function showProgress(side: 'send' | 'receive', name: string, bytes: number, total: number) {
  const bar = document.querySelector<HTMLProgressElement>(`#${side}-progress`)!;
  bar.max = total;
  bar.value = bytes;
  const percent = Math.floor((bytes / total) * 100);
  document.querySelector(`#${side}-status`)!.textContent =
    `${name}: ${side === 'send' ? 'sent' : 'received'} ${formatBytes(bytes)} ` +
    `of ${formatBytes(total)} (${percent} %)`;
}
// #endregion progress

// #region gallery
/** Puts a received photo first in `container`: the image, what it is, and a download link. */
export function showReceived(container: HTMLElement, { header, blob }: ReceivedPhoto): void {
  const url = URL.createObjectURL(blob); // an address for the bytes as they arrived
  const image = document.createElement('img');
  image.src = url;
  image.alt = `${header.name}, from your peer`;
  const link = document.createElement('a');
  link.href = url;
  link.download = header.name; // a click saves the file instead of opening it
  link.textContent = 'Download';
  const caption = document.createElement('figcaption');
  caption.append(
    `${header.name} · ${header.width}×${header.height} · ${formatBytes(header.size)} · `,
    'SHA-256 verified · ',
    link,
  );
  const figure = document.createElement('figure');
  figure.append(image, caption);
  container.prepend(figure);
}
// #endregion gallery
