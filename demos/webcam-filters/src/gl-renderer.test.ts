import { describe, expect, it } from 'vitest';
import { FILTERS } from './filter-catalogue.ts';
import { GlRenderer } from './gl-renderer.ts';
import {
  grayscaleOf,
  invertOf,
  posterizeOf,
  sepiaOf,
  edgesOf,
} from './test-support/reference-filters.ts';
import { maxDifference, renderStill, stillFrame, steps } from './test-support/still-frame.ts';

// Every test renders the same still frame through the WebGL 2 renderer (SwiftShader here) and
// compares the pixels read back with what the formulas say.
const frame = stillFrame();
const gl = (...ids: Parameters<typeof steps>) => renderStill('auto', frame, steps(...ids));

describe('GlRenderer, pixel by pixel', () => {
  it('copies the frame unchanged, the right way up, when the chain is empty', () => {
    expect(maxDifference(gl(), frame)).toBeLessThanOrEqual(1);
  });

  it('grayscale is Rec. 601 luma, within ±2', () => {
    const out = gl('grayscale');
    expect(maxDifference(out, grayscaleOf(frame))).toBeLessThanOrEqual(2);
  });

  it('invert is 255 − v, within ±1', () => {
    expect(maxDifference(gl('invert'), invertOf(frame))).toBeLessThanOrEqual(1);
  });

  it('sepia is the classic matrix, within ±2', () => {
    expect(maxDifference(gl('sepia'), sepiaOf(frame))).toBeLessThanOrEqual(2);
  });

  it('posterize rounds each channel to one of `levels` values', () => {
    const out = gl(['posterize', { levels: 4 }]);
    expect(maxDifference(out, posterizeOf(frame, 4))).toBeLessThanOrEqual(1);
  });

  it('pixelate paints each block in one colour: its centre pixel', () => {
    const size = 8;
    const out = gl(['pixelate', { size }]);
    for (let y = 0; y < frame.height; y++) {
      for (let x = 0; x < frame.width; x++) {
        const cx = Math.min(Math.floor(x / size) * size + size / 2, frame.width - 1);
        const cy = Math.min(Math.floor(y / size) * size + size / 2, frame.height - 1);
        const got = out.data.slice((y * frame.width + x) * 4, (y * frame.width + x) * 4 + 3);
        const centre = (cy * frame.width + cx) * 4;
        expect([...got], `pixel ${x},${y}`).toEqual([...frame.data.slice(centre, centre + 3)]);
      }
    }
  });

  it('mirror keeps the left half and reflects it: column x equals column width−1−x', () => {
    const out = gl('mirror');
    const { width, height } = frame;
    let worst = 0;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const source = x < width / 2 ? x : width - 1 - x;
        for (let c = 0; c < 3; c++) {
          const here = out.data[(y * width + x) * 4 + c]!;
          worst = Math.max(worst, Math.abs(here - out.data[(y * width + width - 1 - x) * 4 + c]!));
          worst = Math.max(worst, Math.abs(here - frame.data[(y * width + source) * 4 + c]!));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('edges is the brightness gradient from the four neighbours, within ±2', () => {
    // A smooth frame, so that few pixels saturate at white and the comparison says something.
    const smooth = stillFrame(64, 48, false);
    const out = renderStill('auto', smooth, steps(['edges', { strength: 4 }]));
    expect(maxDifference(out, edgesOf(smooth, 4))).toBeLessThanOrEqual(2);
  });

  it('runs a chain in order through the ping-pong framebuffers', () => {
    // Sepia then invert is not invert then sepia: the result shows which ran first.
    const sepiaThenInvert = invertOf(sepiaOf(frame));
    expect(maxDifference(gl('sepia', 'invert'), sepiaThenInvert)).toBeLessThanOrEqual(2);
    expect(maxDifference(gl('invert', 'sepia'), sepiaThenInvert)).toBeGreaterThan(50);
    // An odd number of inverts is one invert; four steps use both framebuffers twice.
    const inverted = invertOf(frame);
    expect(maxDifference(gl('invert', 'invert', 'invert'), inverted)).toBeLessThanOrEqual(1);
    expect(maxDifference(gl('invert', 'invert', 'invert', 'invert'), frame)).toBeLessThanOrEqual(1);
  });

  it('scales a frame of another size to the output, blending neighbours', () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 32, height: 24 });
    const renderer = GlRenderer.create(canvas)!;
    renderer.render(frame, []);
    const half = renderer.readPixels();
    renderer.dispose();
    // Each output pixel sits on the corner of a 2×2 block of the frame: its average.
    let worst = 0;
    for (let y = 0; y < 24; y++) {
      for (let x = 0; x < 32; x++) {
        for (let c = 0; c < 3; c++) {
          const at = (dx: number, dy: number) =>
            frame.data[((2 * y + dy) * 64 + 2 * x + dx) * 4 + c]!;
          const average = (at(0, 0) + at(1, 0) + at(0, 1) + at(1, 1)) / 4;
          worst = Math.max(worst, Math.abs(half.data[(y * 32 + x) * 4 + c]! - average));
        }
      }
    }
    expect(worst).toBeLessThanOrEqual(2);
  });

  it('reads back a part of the picture, top row first', () => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
    const renderer = GlRenderer.create(canvas)!;
    renderer.render(frame, []);
    const part = renderer.readPixels({ x: 10, y: 5, width: 3, height: 2 });
    const at = (x: number, y: number) => [
      ...frame.data.slice((y * 64 + x) * 4, (y * 64 + x) * 4 + 4),
    ];
    expect([...part.data.slice(0, 4)]).toEqual(at(10, 5));
    expect([...part.data.slice(20, 24)]).toEqual(at(12, 6));
    renderer.dispose();
  });
});

describe('every filter in the catalogue', () => {
  it.each(FILTERS.map((filter) => [filter.id]))('%s compiles and changes the picture', (id) => {
    const out = gl(id);
    expect(maxDifference(out, frame)).toBeGreaterThan(8);
    expect(out.data.some((value, i) => i % 4 !== 3 && value > 0)).toBe(true);
  });

  it('a broken shader fails with the filter name and its own line number', () => {
    const broken = {
      ...FILTERS[0]!,
      id: 'broken',
      fragment: '\nvoid main() {\n  outColor = nope;\n}',
    };
    expect(() => renderStill('auto', frame, [{ filter: broken, values: {} }])).toThrow(
      /"broken" filter's shader did not compile: ERROR: 0:3: 'nope'/,
    );
  });
});
