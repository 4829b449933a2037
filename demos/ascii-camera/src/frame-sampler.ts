/**
 * Reads a video frame at the size of the ASCII grid: one pixel per character.
 *
 * The browser scales the frame down while drawing it into a `columns × rows` canvas, so
 * `getImageData` only copies those few pixels (9,600 at 160 × 60) instead of the whole frame
 * (307,200 at 640 × 480) that a per-cell average in JavaScript would have to read.
 */
export class FrameSampler {
  readonly #canvas = new OffscreenCanvas(1, 1);
  // `willReadFrequently` keeps the canvas in memory, where reading it back is cheap.
  readonly #context = this.#canvas.getContext('2d', { willReadFrequently: true })!;

  /** The pixels of `source` (a video shows its current frame), scaled to `columns × rows`. */
  sample(source: CanvasImageSource, columns: number, rows: number): ImageData {
    if (this.#canvas.width !== columns || this.#canvas.height !== rows) {
      this.#canvas.width = columns;
      this.#canvas.height = rows;
    }
    this.#context.drawImage(source, 0, 0, columns, rows);
    return this.#context.getImageData(0, 0, columns, rows);
  }
}
