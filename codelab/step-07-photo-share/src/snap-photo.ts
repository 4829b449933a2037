// #region draw
import { formatBytes } from './chunks.ts';
import { MAX_PHOTO_BYTES } from './photo-header.ts';

/** Draws `source` (a frame of the camera's `<video>`, or any image) on `canvas`, full size. */
export function drawFrame(
  canvas: HTMLCanvasElement,
  source: CanvasImageSource,
  width: number,
  height: number,
): void {
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(source, 0, 0, width, height);
}
// #endregion draw

// #region encode
/**
 * Compresses what `canvas` shows: `type` is `image/jpeg` or `image/webp`, `quality` goes from 0
 * (small, blurry) to 1 (large, sharp). A browser that can't encode `type` returns a PNG.
 */
export function encodeCanvas(canvas: HTMLCanvasElement, type: string, quality: number) {
  return new Promise<Blob>((resolve, reject) => {
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The canvas is empty: snap first.'))),
      type,
      quality,
    );
  });
}

/** "JPEG 45.1 kB, raw RGBA 1.23 MB: 27.2× smaller." — what the compression saves. */
export function describeSize(blob: Blob, width: number, height: number): string {
  const raw = width * height * 4; // 4 bytes a pixel, red green blue alpha: the old way to send
  const over =
    blob.size > MAX_PHOTO_BYTES ? ` Over the ${formatBytes(MAX_PHOTO_BYTES)} limit!` : '';
  return (
    `${blob.type.replace('image/', '').toUpperCase()} ${formatBytes(blob.size)}, ` +
    `raw RGBA ${formatBytes(raw)}: ${(raw / blob.size).toFixed(1)}× smaller.${over}`
  );
}
// #endregion encode
