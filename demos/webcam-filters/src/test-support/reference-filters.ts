import { mapPixels } from './still-frame.ts';

// What each filter should output, worked out in plain JavaScript from the textbook formulas,
// independently of both renderers.

export const luma = ([r, g, b]: number[]) => 0.299 * r! + 0.587 * g! + 0.114 * b!;

export const grayscaleOf = (image: ImageData) =>
  mapPixels(image, (rgb) => Array(3).fill(luma(rgb)));

export const invertOf = (image: ImageData) => mapPixels(image, (rgb) => rgb.map((v) => 255 - v));

export const sepiaOf = (image: ImageData) =>
  mapPixels(image, ([r, g, b]) => [
    Math.min(255, 0.393 * r! + 0.769 * g! + 0.189 * b!),
    Math.min(255, 0.349 * r! + 0.686 * g! + 0.168 * b!),
    Math.min(255, 0.272 * r! + 0.534 * g! + 0.131 * b!),
  ]);

export const posterizeOf = (image: ImageData, levels: number) =>
  mapPixels(image, (rgb) =>
    rgb.map((v) => (Math.round((v / 255) * (levels - 1)) / (levels - 1)) * 255),
  );

/** Edge strength: |(right − left, below − above)| of the luma, edge pixels repeated. */
export function edgesOf(image: ImageData, strength: number): ImageData {
  const { width, height, data } = image;
  const at = (x: number, y: number) => {
    const i =
      (Math.min(height - 1, Math.max(0, y)) * width + Math.min(width - 1, Math.max(0, x))) * 4;
    return luma([data[i]!, data[i + 1]!, data[i + 2]!]) / 255;
  };
  const out = new ImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = Math.hypot(at(x + 1, y) - at(x - 1, y), at(x, y + 1) - at(x, y - 1));
      out.data.set(
        [v * strength * 255, v * strength * 255, v * strength * 255, 255],
        (y * width + x) * 4,
      );
    }
  }
  return out;
}
