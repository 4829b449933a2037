import { describe, expect, it } from 'vitest';
import {
  adjustLevel,
  asciiConvert,
  describeRampProblem,
  type AsciiOptions,
} from './ascii-convert.ts';
import { RAMPS } from './ramps.ts';

/** One row of grey pixels (RGBA), one per luma value given. */
function greys(...lumas: number[]): Uint8ClampedArray {
  return new Uint8ClampedArray(lumas.flatMap((luma) => [luma, luma, luma, 255]));
}

/** Converts one row of greys and returns its text. */
function row(lumas: number[], options: Partial<AsciiOptions> = {}): string {
  return asciiConvert(greys(...lumas), lumas.length, 1, { ramp: RAMPS.short, ...options }).text;
}

const BLACK = 0;
const GREY = 128; // 128 / 255 = 0.502: just above the middle
const WHITE = 255;

describe('asciiConvert: black, mid-grey and white with each ramp', () => {
  it.each([
    ['standard', ' ', 'n', '$'],
    ['short', ' ', '+', '@'],
    ['blocks', '░', '▓', '█'],
    ['binary', ' ', '#', '#'],
  ] as const)('%s ramp', (name, black, grey, white) => {
    expect(row([BLACK, GREY, WHITE], { ramp: RAMPS[name] })).toBe(black + grey + white);
  });

  it('the binary ramp thresholds at mid-grey', () => {
    expect(row([127, 128], { ramp: RAMPS.binary })).toBe(' #');
  });

  it('weighs green most and blue least, like the eye (Rec. 601 luma)', () => {
    const pixels = new Uint8ClampedArray([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]);
    // luma 76, 149, 28 → levels 0.30, 0.58, 0.11 of ten characters
    expect(asciiConvert(pixels, 3, 1, { ramp: RAMPS.short }).text).toBe(':+.');
  });
});

describe('asciiConvert: options', () => {
  it('invert swaps the ends of the ramp', () => {
    expect(row([BLACK, GREY, WHITE], { invert: true })).toBe('@= ');
    expect(row([BLACK, GREY, WHITE], { ramp: RAMPS.standard, invert: true })).toBe('$x ');
  });

  it('brightness adds to every level, clamped to black and white', () => {
    expect(row([BLACK, WHITE], { brightness: 0.5 })).toBe('+@');
    expect(row([BLACK, WHITE], { brightness: -0.5 })).toBe(' +');
    expect(row([BLACK, GREY, WHITE], { brightness: -1 })).toBe('   ');
    expect(row([BLACK, GREY, WHITE], { brightness: 1 })).toBe('@@@');
  });

  it('contrast stretches levels away from mid-grey, 0 flattens them', () => {
    expect(row([64, 191])).toBe(':#');
    expect(row([64, 191], { contrast: 2 })).toBe(' @');
    expect(row([BLACK, WHITE], { contrast: 0 })).toBe('++');
  });

  it('gamma above 1 lifts the shadows, below 1 deepens them', () => {
    expect(row([64])).toBe(':');
    expect(row([64], { gamma: 2 })).toBe('+');
    expect(row([64], { gamma: 0.5 })).toBe(' ');
    expect(row([BLACK, WHITE], { gamma: 3 })).toBe(' @');
  });

  it('applies brightness and contrast first, then gamma, then invert', () => {
    const level = adjustLevel(64, { brightness: 0.1, contrast: 1.5, gamma: 2, invert: true });
    expect(level).toBeCloseTo(1 - ((64 / 255 - 0.5) * 1.5 + 0.6) ** 0.5, 10);
  });

  it('mirror flips each row, text and colours alike', () => {
    const pixels = new Uint8ClampedArray([
      ...[0, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 255],
      ...[128, 128, 128, 255, 0, 0, 0, 255, 0, 0, 0, 255],
    ]);
    const plain = asciiConvert(pixels, 3, 2, { ramp: RAMPS.short, color: true });
    const mirrored = asciiConvert(pixels, 3, 2, { ramp: RAMPS.short, mirror: true, color: true });
    expect(plain.text).toBe(' @:\n+  ');
    expect(mirrored.text).toBe(':@ \n  +');
    expect([...mirrored.colors!.subarray(0, 4)]).toEqual([255, 0, 0, 255]);
    expect([...mirrored.colors!.subarray(8, 12)]).toEqual([0, 0, 0, 255]);
    expect([...mirrored.colors!.subarray(20, 24)]).toEqual([128, 128, 128, 255]);
  });

  it('a custom ramp splits the levels evenly between its characters', () => {
    expect(row([0, 63, 64, 127, 128, 191, 192, 255], { ramp: 'abcd' })).toBe('aabbccdd');
    expect(row([BLACK, WHITE], { ramp: '·•' })).toBe('·•');
  });

  it('a ramp of one character gives that character everywhere', () => {
    expect(row([BLACK, GREY, WHITE], { ramp: 'x' })).toBe('xxx');
    expect(row([BLACK, WHITE], { ramp: 'x', invert: true, contrast: 3 })).toBe('xx');
  });

  it('colour gives each character its own pixel, RGBA, untouched by the other options', () => {
    const pixels = new Uint8ClampedArray([10, 20, 30, 255, 200, 100, 50, 255]);
    const frame = asciiConvert(pixels, 2, 1, { ramp: 'ab', color: true, invert: true });
    expect(frame.colors).toEqual(new Uint8ClampedArray([10, 20, 30, 255, 200, 100, 50, 255]));
    expect(frame.colors!.buffer).not.toBe(pixels.buffer);
    expect(asciiConvert(pixels, 2, 1, { ramp: 'ab' }).colors).toBeUndefined();
  });
});

describe('asciiConvert: shape', () => {
  it('gives `rows` lines of `columns` characters with no newline at the end', () => {
    const frame = asciiConvert(new Uint8ClampedArray(7 * 3 * 4), 7, 3, { ramp: RAMPS.short });
    expect(frame).toMatchObject({ columns: 7, rows: 3 });
    expect(frame.text.split('\n')).toEqual(['       ', '       ', '       ']);
  });

  it('takes ImageData-like objects and ignores bytes past the grid', () => {
    const data = greys(WHITE, WHITE, BLACK);
    expect(asciiConvert({ data }, 2, 1, { ramp: 'ab' }).text).toBe('bb');
  });

  it('builds big frames in one piece (more characters than one chunk)', () => {
    const pixels = new Uint8ClampedArray(240 * 90 * 4).fill(255);
    const { text } = asciiConvert(pixels, 240, 90, { ramp: 'ab' });
    expect(text).toBe(Array(90).fill('b'.repeat(240)).join('\n'));
  });

  it('follows option changes from one call to the next', () => {
    expect(row([WHITE], { ramp: 'ab' })).toBe('b');
    expect(row([WHITE], { ramp: 'ab', invert: true })).toBe('a');
    expect(row([WHITE], { ramp: 'xy' })).toBe('y');
  });
});

describe('asciiConvert: bad input gets a clear RangeError', () => {
  const pixel = greys(GREY);
  const convert = (options: Partial<AsciiOptions>, width = 1, height = 1) =>
    asciiConvert(pixel, width, height, { ramp: RAMPS.short, ...options });

  it.each([
    ['', /ramp is empty/],
    ['ab\ncd', /line break/],
    ['a\tb', /control character/],
    ['.😀', /too wide/],
  ])('ramp %j', (ramp, message) => {
    expect(() => convert({ ramp })).toThrow(RangeError);
    expect(() => convert({ ramp })).toThrow(message);
    expect(describeRampProblem(ramp)).toMatch(message);
  });

  it('accepts every preset', () => {
    for (const ramp of Object.values(RAMPS)) expect(describeRampProblem(ramp)).toBeUndefined();
  });

  it.each([
    [{ gamma: 0 }, /gamma must be more than 0/],
    [{ contrast: -1 }, /contrast must be 0 or more/],
    [{ brightness: Number.NaN }, /brightness must be a number/],
  ])('%j', (options, message) => {
    expect(() => convert(options)).toThrow(message);
  });

  it('grid sizes that are not whole, or bigger than the pixels', () => {
    expect(() => convert({}, 0, 1)).toThrow(/whole numbers ≥ 1/);
    expect(() => convert({}, 1.5, 1)).toThrow(/whole numbers ≥ 1/);
    expect(() => convert({}, 2, 1)).toThrow(/need 8 bytes \(RGBA\); got 4/);
  });
});
