import { describe, expect, it } from 'vitest';
import { CANVAS2D_FILTERS } from './canvas2d-filters.ts';
import { Canvas2dRenderer } from './canvas2d-renderer.ts';
import { FILTERS } from './filter-catalogue.ts';
import { grayscaleOf, invertOf, posterizeOf, sepiaOf } from './test-support/reference-filters.ts';
import { maxDifference, renderStill, stillFrame, steps } from './test-support/still-frame.ts';

const frame = stillFrame();
const cpu = (...ids: Parameters<typeof steps>) => renderStill('canvas2d', frame, steps(...ids));

describe('Canvas2dRenderer, pixel by pixel', () => {
  it('matches the formulas: grayscale ±2, invert ±1, sepia ±2, posterize ±1', () => {
    expect(maxDifference(cpu(), frame)).toBe(0);
    expect(maxDifference(cpu('grayscale'), grayscaleOf(frame))).toBeLessThanOrEqual(2);
    expect(maxDifference(cpu('invert'), invertOf(frame))).toBeLessThanOrEqual(1);
    expect(maxDifference(cpu('sepia'), sepiaOf(frame))).toBeLessThanOrEqual(2);
    expect(maxDifference(cpu('posterize'), posterizeOf(frame, 4))).toBeLessThanOrEqual(1);
  });

  it('offers the simple filters only, and skips the others in a chain', () => {
    const renderer = new Canvas2dRenderer(document.createElement('canvas'));
    const offered = FILTERS.filter((filter) => renderer.supports(filter)).map(({ id }) => id);
    expect(offered).toEqual(
      expect.arrayContaining(['grayscale', 'sepia', 'invert', 'pixelate', 'mirror', 'posterize']),
    );
    expect(offered.length).toBeLessThan(FILTERS.length);
    expect(maxDifference(cpu('twirl', 'invert'), invertOf(frame))).toBeLessThanOrEqual(1);
  });
});

describe('Canvas2D and WebGL 2 agree on the filters both have', () => {
  const shared = Object.keys(CANVAS2D_FILTERS);

  it.each(shared.map((id) => [id]))('%s, within ±2', (id) => {
    const onGpu = renderStill('auto', frame, steps(id));
    const onCpu = renderStill('canvas2d', frame, steps(id));
    expect(maxDifference(onGpu, onCpu)).toBeLessThanOrEqual(2);
  });

  it('a chain of three, with non-default values', () => {
    const chain = steps(['sepia', { amount: 0.5 }], ['pixelate', { size: 5 }], 'mirror');
    const onGpu = renderStill('auto', frame, chain);
    expect(maxDifference(onGpu, renderStill('canvas2d', frame, chain))).toBeLessThanOrEqual(2);
  });
});
