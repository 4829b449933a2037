import type { AsciiFrame } from './ascii-convert.ts';
import { TextCanvas } from './text-canvas.ts';

/**
 * Shows ASCII frames: plain text in a `<pre>`, colour on a canvas.
 *
 * Plain text goes into the `<pre>`'s one text node (`text.data = …`): no HTML to parse, one node
 * to lay out, and the text stays selectable. Colour would need a `<span>` per character (9,600
 * at 160 × 60): a canvas draws it many times faster. Measured in bench/ascii-conversion.ts;
 * the numbers are in this demo's README.
 */
export class AsciiView {
  readonly #text: Text;
  readonly #textCanvas: TextCanvas;
  #columns = 0;
  #colored: boolean | undefined;

  constructor(
    readonly pre: HTMLPreElement,
    readonly canvas: HTMLCanvasElement,
  ) {
    this.#text = pre.appendChild(document.createTextNode(''));
    this.#textCanvas = new TextCanvas(canvas);
  }

  show(frame: AsciiFrame): void {
    const colored = frame.colors !== undefined;
    if (colored !== this.#colored) {
      this.#colored = colored;
      this.pre.hidden = colored;
      this.canvas.hidden = !colored;
    }
    if (frame.columns !== this.#columns) {
      // The CSS sizes the font so that `--columns` characters fill the width.
      this.#columns = frame.columns;
      this.pre.style.setProperty('--columns', String(frame.columns));
    }
    if (frame.colors) this.#textCanvas.draw(frame.text, frame.columns, frame.rows, frame.colors);
    else this.#text.data = frame.text;
  }
}
