import { describe, expect, it } from 'vitest';
import { defaultValues, FILTERS, filterById } from './filter-catalogue.ts';

describe('the filter catalogue', () => {
  it('has at least 20 filters with unique ids, in all three categories', () => {
    expect(FILTERS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(FILTERS.map((filter) => filter.id)).size).toBe(FILTERS.length);
    expect(new Set(FILTERS.map((filter) => filter.category))).toEqual(
      new Set(['colour', 'stylize', 'warp']),
    );
  });

  it.each(FILTERS.map((filter) => [filter.id, filter]))(
    '%s: every slider is a uniform of its shader, with its default in range',
    (_id, filter) => {
      expect(filter.fragment).toContain('void main()');
      for (const param of filter.params) {
        expect(filter.fragment).toContain(`uniform float u_${param.name};`);
        expect(param.min).toBeLessThan(param.max);
        expect(param.default).toBeGreaterThanOrEqual(param.min);
        expect(param.default).toBeLessThanOrEqual(param.max);
      }
    },
  );

  it('finds filters by id and gives their default values', () => {
    expect(defaultValues(filterById('vignette'))).toEqual({ radius: 0.6, softness: 0.4 });
    expect(() => filterById('sparkles')).toThrow('There is no filter "sparkles".');
  });
});
