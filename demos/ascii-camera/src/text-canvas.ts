import { CELL_ASPECT } from './grid-size.ts';

/** How a frame looks on a canvas: the font and the two colours. */
export interface TextStyle {
  font: string;
  /** The characters' colour when the frame has no colours of its own. */
  ink: string;
  /** The background. */
  paper: string;
}

/** The page's colours; the same font family as the `<pre>`. */
export const TEXT_STYLE: TextStyle = {
  font: '13px ui-monospace, "DejaVu Sans Mono", monospace',
  ink: '#e6edf3',
  paper: '#0d1117',
};

type AnyCanvas = HTMLCanvasElement | OffscreenCanvas;
type Context2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

/**
 * Draws ASCII frames on a canvas: one `fillText` per row, in colour if the frame has colours.
 *
 * Colour costs no more than plain text: the colours go into a `columns × rows` image, and the
 * text is filled with that image as a pattern, stretched so that each pixel covers one cell.
 * For that the cells must match the font exactly, so the cell width is the font's advance.
 */
export class TextCanvas {
  readonly #context: Context2D;
  readonly #colorCanvas = new OffscreenCanvas(1, 1);
  readonly #colorContext = this.#colorCanvas.getContext('2d')!;
  /** One cell in pixels: the width of a character, and CELL_ASPECT times that. */
  readonly cell: { width: number; height: number };

  constructor(
    readonly canvas: AnyCanvas,
    readonly style: TextStyle = TEXT_STYLE,
  ) {
    const context = canvas.getContext('2d') as Context2D | null;
    if (!context) throw new Error('This browser cannot draw on a 2D canvas.');
    this.#context = context;
    context.font = style.font;
    const width = context.measureText('0'.repeat(100)).width / 100;
    this.cell = { width, height: width * CELL_ASPECT };
  }

  /** Draws `text` (`rows` lines of `columns` characters), in `colors` (RGBA per cell) if given. */
  draw(text: string, columns: number, rows: number, colors?: Uint8ClampedArray<ArrayBuffer>): void {
    const { canvas, cell, style } = this;
    const context = this.#context;
    const width = Math.ceil(columns * cell.width);
    const height = Math.ceil(rows * cell.height);
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    context.fillStyle = style.paper;
    context.fillRect(0, 0, width, height);
    context.fillStyle = colors ? this.#colorPattern(colors, columns, rows) : style.ink;
    // Resizing resets the context, so the text settings are set every time.
    context.font = style.font;
    context.textAlign = 'left';
    context.textBaseline = 'middle';
    for (let row = 0; row < rows; row++) {
      const start = row * (columns + 1);
      context.fillText(text.slice(start, start + columns), 0, (row + 0.5) * cell.height);
    }
  }

  /** The colours as a pattern with one pixel per cell, sharp-edged. */
  #colorPattern(colors: Uint8ClampedArray<ArrayBuffer>, columns: number, rows: number) {
    if (this.#colorCanvas.width !== columns || this.#colorCanvas.height !== rows) {
      this.#colorCanvas.width = columns;
      this.#colorCanvas.height = rows;
    }
    this.#colorContext.putImageData(new ImageData(colors, columns, rows), 0, 0);
    this.#context.imageSmoothingEnabled = false;
    const pattern = this.#context.createPattern(this.#colorCanvas, 'no-repeat')!;
    pattern.setTransform(new DOMMatrix().scale(this.cell.width, this.cell.height));
    return pattern;
  }
}
