import { createRenderer, type RendererPreference } from '../create-renderer.ts';
import { defaultValues, filterById } from '../filter-catalogue.ts';
import type { ChainStep } from '../frame-renderer.ts';

/**
 * A fixed test frame: red rises left to right, green top to bottom, blue is scrambled per pixel
 * (or, if not `noisy`, a slow wave), so every filter meets dark, bright, grey-ish and saturated
 * pixels, and hard edges.
 */
export function stillFrame(width = 64, height = 48, noisy = true): ImageData {
  const image = new ImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      image.data.set(
        [
          Math.round((x * 255) / (width - 1)),
          Math.round((y * 255) / (height - 1)),
          noisy ? (x * 73 + y * 151) % 256 : Math.round(127.5 + 127.5 * Math.sin((x + y) / 6)),
          255,
        ],
        i,
      );
    }
  }
  return image;
}

/** Steps for these filter ids, each at its default values (or the values given). */
export function steps(...ids: (string | [string, Record<string, number>])[]): ChainStep[] {
  return ids.map((id) => {
    const [name, values] = typeof id === 'string' ? [id, {}] : id;
    const filter = filterById(name);
    return { filter, values: { ...defaultValues(filter), ...values } };
  });
}

/** Renders `frame` through `chain` with the renderer `preference` picks, and reads it back. */
export function renderStill(
  preference: RendererPreference,
  frame: ImageData,
  chain: ChainStep[],
  time = 0,
): ImageData {
  const canvas = Object.assign(document.createElement('canvas'), {
    width: frame.width,
    height: frame.height,
  });
  const { renderer } = createRenderer(canvas, preference);
  if (preference === 'auto' && renderer.kind !== 'webgl2')
    throw new Error('This test needs WebGL 2.');
  try {
    renderer.render(frame, chain, time);
    return renderer.readPixels();
  } finally {
    renderer.dispose();
  }
}

/** The largest difference between two same-sized images, over R, G and B. */
export function maxDifference(a: ImageData, b: ImageData): number {
  let max = 0;
  for (let i = 0; i < a.data.length; i++) {
    if (i % 4 !== 3) max = Math.max(max, Math.abs(a.data[i]! - b.data[i]!));
  }
  return max;
}

/** A copy of `image` with `recolour` applied to each pixel's [r, g, b] (0..255). */
export function mapPixels(image: ImageData, recolour: (rgb: number[]) => number[]): ImageData {
  const out = new ImageData(image.width, image.height);
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b] = recolour([image.data[i]!, image.data[i + 1]!, image.data[i + 2]!]);
    out.data.set([r!, g!, b!, 255], i);
  }
  return out;
}
