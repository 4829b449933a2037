import { expect, test } from 'vitest';
import { MAX_NESTING, measurePayload } from './payload-measure.ts';

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

test('counts the bytes of the arguments as JSON', () => {
  expect(measurePayload([{ room: 'été' }], 1000)).toEqual({ ok: true, bytes: 18 });
});

test(`refuses nesting deeper than ${MAX_NESTING}, however deep`, () => {
  expect(measurePayload([nested(MAX_NESTING - 1)], 1000).ok).toBe(true);
  for (const depth of [MAX_NESTING, 10_000, 100_000]) {
    expect(measurePayload([nested(depth)], 1000)).toEqual({ ok: false, problem: 'too-deep' });
  }
});

test('values that are not JSON are unserialisable, never a size', () => {
  const cyclic: { self?: unknown } = {};
  cyclic.self = cyclic;
  const throwingToJson = {
    toJSON() {
      throw new Error('no');
    },
  };
  const throwingGetter = Object.defineProperty({}, 'x', {
    enumerable: true,
    get() {
      throw new Error('no');
    },
  });
  expect(measurePayload([10n], 1000)).toEqual({ ok: false, problem: 'unserialisable' });
  expect(measurePayload([throwingToJson], 1000)).toEqual({ ok: false, problem: 'unserialisable' });
  expect(measurePayload([throwingGetter], 1000)).toEqual({ ok: false, problem: 'unserialisable' });
  // A cycle never ends, so it is deeper than any limit.
  expect(measurePayload([cyclic], 1000)).toEqual({ ok: false, problem: 'too-deep' });
});

test('far too large values stop early, with a real lower bound', () => {
  let bomb: unknown = ['z'.repeat(100)];
  for (let i = 0; i < 40; i++) bomb = [bomb, bomb];
  const measure = measurePayload([bomb], 1000);
  expect(measure).toMatchObject({ ok: false, problem: 'too-large' });
  const atLeast = (measure as { atLeast: number }).atLeast;
  expect(Number.isFinite(atLeast) && atLeast > 8 * 1000).toBe(true);
});
