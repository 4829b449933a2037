import { describe, expect, test } from 'vitest';
import { measureJson } from './json-shape.ts';

const roomy = { depth: 100, size: 1_000_000 };

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 1; i < depth; i++) value = [value];
  return value;
}

describe('measureJson', () => {
  test.each([
    ['a string', 'hi', 0],
    ['an empty array', [], 1],
    ['an object in an array', [{ a: 1 }], 2],
    ['three levels', { a: { b: [1] } }, 3],
  ])('depth of %s is %i', (_, value, depth) => {
    expect(measureJson(value, roomy)).toMatchObject({ depth, stopped: false });
  });

  test('its size is never more than the JSON bytes', () => {
    const values = [{ text: 'héllo 🎉', list: [1, null, true, 'x'] }, [[], {}, ''], 'plain', 12345];
    for (const value of values) {
      expect(measureJson(value, roomy).size).toBeLessThanOrEqual(
        Buffer.byteLength(JSON.stringify(value)),
      );
    }
  });

  test('stops at the depth limit, even 100,000 levels deep, without overflowing', () => {
    expect(measureJson(nested(100_000), { depth: 32, size: 1e6 })).toMatchObject({
      depth: 33,
      stopped: true,
    });
  });

  test('stops at the size limit: shared references and sparse arrays do not run long', () => {
    let bomb: unknown = ['z'.repeat(100)];
    for (let i = 0; i < 40; i++) bomb = [bomb, bomb]; // 2^40 copies once written out
    const started = performance.now();
    expect(measureJson(bomb, { depth: 64, size: 10_000 })).toMatchObject({ stopped: true });
    expect(measureJson(new Array(2 ** 32 - 1), { depth: 64, size: 10_000 })).toMatchObject({
      stopped: true,
    });
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  test('a cycle ends at the depth limit', () => {
    const cycle: { self?: unknown } = {};
    cycle.self = cycle;
    expect(measureJson(cycle, { depth: 10, size: 1e6 })).toMatchObject({
      depth: 11,
      stopped: true,
    });
  });

  test('notices an own __proto__ key, as JSON.parse makes it', () => {
    expect(measureJson(JSON.parse('{"a":{"__proto__":{"x":1}}}'), roomy).protoKey).toBe(true);
    expect(measureJson({ a: { proto: 1 } }, roomy).protoKey).toBe(false);
  });
});
