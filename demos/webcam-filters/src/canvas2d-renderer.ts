import { CANVAS2D_FILTERS } from './canvas2d-filters.ts';
import type { FilterDefinition } from './filter-catalogue.ts';
import type { ChainStep, FrameRenderer, FrameSource, PixelRect } from './frame-renderer.ts';

/**
 * The fallback without WebGL: draw the frame on a 2D canvas, read its pixels with
 * `getImageData`, run each filter's JavaScript loop over them, and put them back. Every pixel
 * passes through JavaScript, so only the simple filters are offered (see `canvas2d-filters.ts`).
 */
export class Canvas2dRenderer implements FrameRenderer {
  readonly kind = 'canvas2d';
  readonly #context: CanvasRenderingContext2D;

  constructor(readonly canvas: HTMLCanvasElement) {
    // willReadFrequently keeps the pixels in main memory, where getImageData is cheap.
    const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
    if (!context) throw new Error('This browser cannot draw on a 2D canvas either.');
    this.#context = context;
  }

  supports(filter: FilterDefinition): boolean {
    return filter.id in CANVAS2D_FILTERS;
  }

  render(source: FrameSource, steps: readonly ChainStep[]): void {
    const { width, height } = this.canvas;
    const context = this.#context;
    if (source instanceof ImageData) {
      // A still image can only be put at its own size.
      if (source.width !== width || source.height !== height) {
        throw new Error(
          `The ImageData is ${source.width}×${source.height}, the canvas ${width}×${height}.`,
        );
      }
      context.putImageData(source, 0, 0);
    } else {
      context.drawImage(source, 0, 0, width, height);
    }
    const runnable = steps.filter((step) => this.supports(step.filter));
    if (runnable.length === 0) return;
    const image = context.getImageData(0, 0, width, height);
    for (const step of runnable) CANVAS2D_FILTERS[step.filter.id]!(image, step.values);
    context.putImageData(image, 0, 0);
  }

  readPixels(rect?: PixelRect): ImageData {
    const { width, height } = this.canvas;
    const area = rect ?? { x: 0, y: 0, width, height };
    return this.#context.getImageData(area.x, area.y, area.width, area.height);
  }

  dispose(): void {}
}
