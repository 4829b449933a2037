import type { FilterDefinition } from './filter-catalogue.ts';

/** One filter in a chain, with its slider values (by parameter name). */
export interface ChainStep {
  filter: FilterDefinition;
  values: Readonly<Record<string, number>>;
}

/** Anything a frame can come from: the camera's `<video>`, a canvas, a still image. */
export type FrameSource = HTMLVideoElement | HTMLCanvasElement | ImageBitmap | ImageData;

/** A part of the output, in pixels from the top-left corner. */
export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Draws a frame through a chain of filters onto `canvas`, at the canvas's size. Two
 * implementations: WebGL 2 shaders (`gl-renderer.ts`) and a Canvas2D fallback for the filters
 * simple enough to run per pixel in JavaScript (`canvas2d-renderer.ts`).
 */
export interface FrameRenderer {
  readonly kind: 'webgl2' | 'canvas2d';
  readonly canvas: HTMLCanvasElement;
  /** Whether this renderer can draw `filter`; `render` skips the ones it cannot. */
  supports(filter: FilterDefinition): boolean;
  /** Draws `source` through every step, in order. `time` (seconds) drives animated filters. */
  render(source: FrameSource, steps: readonly ChainStep[], time?: number): void;
  /**
   * Reads back what the last `render` drew (rows top first). Call it in the same task as
   * `render`: a WebGL canvas may clear its picture once the page has shown it.
   */
  readPixels(rect?: PixelRect): ImageData;
  /** Frees the GPU memory; the renderer is unusable afterwards. */
  dispose(): void;
}

/** The width and height of any frame source (`videoWidth` for a video). */
export function sourceSize(source: FrameSource): { width: number; height: number } {
  if (source instanceof HTMLVideoElement) {
    return { width: source.videoWidth, height: source.videoHeight };
  }
  return { width: source.width, height: source.height };
}
