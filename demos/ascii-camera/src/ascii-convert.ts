/**
 * Pixels → text, as a pure function: same pixels and options in, same text out. No DOM, so it
 * runs (and is tested) in Node as well as in the page.
 */

/** RGBA pixels, 4 bytes each, row by row: a `Uint8ClampedArray` or anything with one in `data`. */
export type Pixels = Uint8ClampedArray | { data: Uint8ClampedArray };

export interface AsciiOptions {
  /** Characters from least ink to most ink. On this page's dark background the first is black. */
  ramp: string;
  /** Added to every pixel's brightness, from −1 (all black) to 1 (all white). Default 0. */
  brightness?: number;
  /** Stretches brightness away from mid-grey: 1 keeps it, 0 turns everything grey. Default 1. */
  contrast?: number;
  /** Above 1 lifts the shadows, below 1 deepens them (brightness ^ (1 / gamma)). Default 1. */
  gamma?: number;
  /** Black becomes the last character of the ramp, white the first. */
  invert?: boolean;
  /** Flips each row left to right, like a mirror. */
  mirror?: boolean;
  /** Also return each character's colour (its pixel's, untouched by the other options). */
  color?: boolean;
}

export interface AsciiFrame {
  /** `rows` lines of `columns` characters, joined by "\n" (no newline at the end). */
  text: string;
  columns: number;
  rows: number;
  /** With `color`: RGBA of each character, in reading order (mirrored too), ready for ImageData. */
  colors?: Uint8ClampedArray<ArrayBuffer>;
}

/** Converts `width × height` pixels (one per character) to text. Throws a RangeError on bad input. */
export function asciiConvert(
  pixels: Pixels,
  width: number,
  height: number,
  options: AsciiOptions,
): AsciiFrame {
  const data = pixels instanceof Uint8ClampedArray ? pixels : pixels.data;
  checkSize(data, width, height);
  const lut = lookupTable(options);
  const mirror = options.mirror === true;
  // One character per pixel plus a newline between rows, written into a reused buffer and turned
  // into one string at the end: no string concatenation, no allocation per character.
  const length = height * (width + 1) - 1;
  const codes = codeBuffer(length);
  let out = 0;
  for (let y = 0; y < height; y++) {
    const rowStart = y * width;
    for (let x = 0; x < width; x++) {
      const p = (rowStart + (mirror ? width - 1 - x : x)) << 2;
      // Luma with the Rec. 601 weights in 1/256ths (77 + 150 + 29 = 256): 0…255, no floats.
      codes[out++] = lut[(data[p]! * 77 + data[p + 1]! * 150 + data[p + 2]! * 29) >> 8]!;
    }
    if (y < height - 1) codes[out++] = 10; // "\n"
  }
  const frame: AsciiFrame = { text: codesToString(codes, length), columns: width, rows: height };
  if (options.color) frame.colors = copyColors(data, width, height, mirror);
  return frame;
}

/** What the brightness `luma` (0…255) becomes, 0…1, after brightness, contrast, gamma and invert. */
export function adjustLevel(luma: number, options: Omit<AsciiOptions, 'ramp'>): number {
  const { brightness = 0, contrast = 1, gamma = 1, invert = false } = options;
  const level = Math.min(1, Math.max(0, (luma / 255 - 0.5) * contrast + 0.5 + brightness));
  const curved = level ** (1 / gamma);
  return invert ? 1 - curved : curved;
}

/** Why `ramp` cannot be used, in words for the page, or `undefined` if it is fine. */
export function describeRampProblem(ramp: string): string | undefined {
  if (ramp.length === 0) return 'The character ramp is empty: type at least one character.';
  for (const char of ramp) {
    const code = char.codePointAt(0)!;
    if (code < 32 || (code >= 0x7f && code < 0xa0)) {
      return 'The ramp has a line break or control character: use visible characters only.';
    }
    // Emoji and other characters beyond 16 bits are drawn two cells wide: the grid would break.
    if (code > 0xffff) return `"${char}" is too wide for a monospace grid: pick another character.`;
  }
  return undefined;
}

function checkSize(data: Uint8ClampedArray, width: number, height: number): void {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(`The grid must be whole numbers ≥ 1, not ${width} × ${height}.`);
  }
  if (data.length < width * height * 4) {
    throw new RangeError(
      `${width} × ${height} pixels need ${width * height * 4} bytes (RGBA); got ${data.length}.`,
    );
  }
}

/** The last table, kept while the options stay the same (almost every frame). */
let table: { key: string; lut: Uint16Array } | undefined;

/** Luma (0…255) → character code: 256 entries computed once, then one lookup per pixel. */
function lookupTable(options: AsciiOptions): Uint16Array {
  const { ramp, brightness = 0, contrast = 1, gamma = 1, invert = false } = options;
  const key = `${brightness} ${contrast} ${gamma} ${invert} ${ramp}`;
  if (table?.key === key) return table.lut;
  const problem = describeRampProblem(ramp);
  if (problem) throw new RangeError(problem);
  for (const [name, value] of Object.entries({ brightness, contrast, gamma })) {
    if (!Number.isFinite(value)) throw new RangeError(`${name} must be a number, not ${value}.`);
  }
  if (contrast < 0) throw new RangeError(`contrast must be 0 or more, not ${contrast}.`);
  if (gamma <= 0) throw new RangeError(`gamma must be more than 0, not ${gamma}.`);
  const chars = [...ramp];
  const lut = new Uint16Array(256);
  for (let luma = 0; luma < 256; luma++) {
    const level = adjustLevel(luma, { brightness, contrast, gamma, invert });
    lut[luma] = chars[Math.min(chars.length - 1, Math.floor(level * chars.length))]!.charCodeAt(0);
  }
  table = { key, lut };
  return lut;
}

let codes = new Uint16Array(0);

function codeBuffer(length: number): Uint16Array {
  if (codes.length < length) codes = new Uint16Array(length);
  return codes;
}

/** `fromCharCode.apply` in chunks: one call per chunk, and well under any argument-count limit. */
function codesToString(buffer: Uint16Array, length: number): string {
  const CHUNK = 8192;
  let text = '';
  for (let start = 0; start < length; start += CHUNK) {
    const chunk = buffer.subarray(start, Math.min(length, start + CHUNK));
    text += String.fromCharCode.apply(null, chunk as unknown as number[]);
  }
  return text;
}

function copyColors(
  data: Uint8ClampedArray,
  width: number,
  height: number,
  mirror: boolean,
): Uint8ClampedArray<ArrayBuffer> {
  const colors = new Uint8ClampedArray(width * height * 4);
  if (!mirror) {
    colors.set(data.subarray(0, colors.length));
    return colors;
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const to = (y * width + x) << 2;
      const from = (y * width + width - 1 - x) << 2;
      colors[to] = data[from]!;
      colors[to + 1] = data[from + 1]!;
      colors[to + 2] = data[from + 2]!;
      colors[to + 3] = data[from + 3]!;
    }
  }
  return colors;
}
