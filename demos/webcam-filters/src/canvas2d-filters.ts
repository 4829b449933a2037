/**
 * The Canvas2D fallback's filters: plain loops over the RGBA bytes of an ImageData, changed in
 * place. Each does what the shader with the same id does, so both paths give the same picture
 * (within rounding); the rest of the catalogue needs a GPU to run at camera speed.
 */
export type Canvas2dFilter = (image: ImageData, values: Readonly<Record<string, number>>) => void;

/** Same Rec. 601 weights as the shaders' `luma()`, on 0..255 values. */
const luma = (r: number, g: number, b: number) => 0.299 * r + 0.587 * g + 0.114 * b;

const DUOTONE_SHADOW = [0.1, 0.12, 0.45];
const DUOTONE_HIGHLIGHT = [1.0, 0.55, 0.6];

export const CANVAS2D_FILTERS: Readonly<Record<string, Canvas2dFilter>> = {
  grayscale(image) {
    const { data } = image;
    // Uint8ClampedArray rounds to the nearest integer on its own.
    for (let i = 0; i < data.length; i += 4) {
      data[i] = data[i + 1] = data[i + 2] = luma(data[i]!, data[i + 1]!, data[i + 2]!);
    }
  },
  sepia(image, { amount = 1 }) {
    const { data } = image;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i]!, data[i + 1]!, data[i + 2]!];
      // Clamped to 255 before blending, as the shader's min(toned, 1.0) does.
      data[i] = r + (Math.min(255, 0.393 * r + 0.769 * g + 0.189 * b) - r) * amount;
      data[i + 1] = g + (Math.min(255, 0.349 * r + 0.686 * g + 0.168 * b) - g) * amount;
      data[i + 2] = b + (Math.min(255, 0.272 * r + 0.534 * g + 0.131 * b) - b) * amount;
    }
  },
  invert(image) {
    const { data } = image;
    for (let i = 0; i < data.length; i += 4) {
      data[i] = 255 - data[i]!;
      data[i + 1] = 255 - data[i + 1]!;
      data[i + 2] = 255 - data[i + 2]!;
    }
  },
  posterize(image, { levels = 4 }) {
    // 256 possible inputs: work each out once, then look them up.
    const steps = levels - 1;
    const table = Array.from(
      { length: 256 },
      (_, v) => (Math.floor((v / 255) * steps + 0.5) / steps) * 255,
    );
    const { data } = image;
    for (let i = 0; i < data.length; i += 4) {
      data[i] = table[data[i]!]!;
      data[i + 1] = table[data[i + 1]!]!;
      data[i + 2] = table[data[i + 2]!]!;
    }
  },
  duotone(image, { contrast = 1.4 }) {
    const { data } = image;
    const [shadow, highlight] = [DUOTONE_SHADOW, DUOTONE_HIGHLIGHT];
    for (let i = 0; i < data.length; i += 4) {
      const l = luma(data[i]!, data[i + 1]!, data[i + 2]!) / 255;
      const t = Math.min(1, Math.max(0, (l - 0.5) * contrast + 0.5));
      for (let c = 0; c < 3; c++)
        data[i + c] = (shadow[c]! + (highlight[c]! - shadow[c]!) * t) * 255;
    }
  },
  scanlines(image, { spacing = 4, darkness = 0.5 }) {
    const { data, width, height } = image;
    for (let row = 0; row < height; row++) {
      if (row % spacing < Math.floor(spacing / 2)) continue; // a bright row: left as it is
      for (let i = row * width * 4; i < (row + 1) * width * 4; i += 4) {
        data[i] = data[i]! * (1 - darkness);
        data[i + 1] = data[i + 1]! * (1 - darkness);
        data[i + 2] = data[i + 2]! * (1 - darkness);
      }
    }
  },
  pixelate(image, { size = 12 }) {
    const { data, width, height } = image;
    // Block by block: read the centre pixel, then paint the whole block with it.
    for (let top = 0; top < height; top += size) {
      for (let left = 0; left < width; left += size) {
        const cx = Math.min(left + Math.floor(size / 2), width - 1);
        const cy = Math.min(top + Math.floor(size / 2), height - 1);
        const centre = (cy * width + cx) * 4;
        const [r, g, b] = [data[centre]!, data[centre + 1]!, data[centre + 2]!];
        for (let y = top; y < Math.min(top + size, height); y++) {
          for (
            let i = (y * width + left) * 4;
            i < (y * width + Math.min(left + size, width)) * 4;
            i += 4
          ) {
            data[i] = r;
            data[i + 1] = g;
            data[i + 2] = b;
          }
        }
      }
    }
  },
  mirror(image) {
    const { width, height } = image;
    // One 32-bit number per pixel (its four bytes), so a pixel is copied in one step.
    const pixels = new Uint32Array(image.data.buffer);
    for (let y = 0; y < height; y++) {
      const row = y * width;
      for (let x = Math.ceil(width / 2); x < width; x++)
        pixels[row + x] = pixels[row + width - 1 - x]!;
    }
  },
};
