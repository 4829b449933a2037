import { describe, expect, test } from 'vitest';
import {
  describeThrown,
  describeValue,
  eventLabel,
  plainText,
  quoteText,
} from './describe-value.ts';

const revoked = Proxy.revocable({}, {});
revoked.revoke();

describe('describeValue never runs the value’s own code', () => {
  test.each([
    ['a short string', 'lab', '"lab"'],
    ['a number', 2, '2'],
    ['a boolean', false, 'false'],
    ['null', null, 'null'],
    ['undefined', undefined, 'nothing'],
    ['a BigInt', 10n, 'a BigInt'],
    ['a symbol', Symbol('x'), 'a symbol'],
    ['a function', () => 1, 'a function'],
    ['an array', [1], 'an array'],
    ['toString that is not a function', { toString: 1 }, 'an object'],
    [
      'toString that throws',
      {
        toString() {
          throw new Error('no');
        },
      },
      'an object',
    ],
    ['a null-prototype object', Object.create(null), 'an object'],
    ['a revoked proxy', revoked.proxy, 'an unreadable value'],
  ])('%s', (_, value, expected) => {
    expect(describeValue(value)).toBe(expected);
  });

  test('long strings are cut and control characters escaped', () => {
    expect(describeValue('x'.repeat(500))).toBe(`"${'x'.repeat(40)}…"`);
    expect(quoteText('a\u0000b\nc')).toBe('"a\\u0000b\\nc"');
    expect(plainText('a\u0000b\u001bc')).toBe('a\\u0000b\\u001bc');
  });
});

test('eventLabel keeps strings only, cut to a readable length', () => {
  expect(eventLabel('relay')).toBe('relay');
  expect(eventLabel('e'.repeat(10_000))).toHaveLength(41);
  expect(eventLabel(42)).toBeUndefined();
});

test('describeThrown: one line, even for a hostile Error', () => {
  expect(describeThrown(new RangeError('Maximum call\nstack size exceeded'))).toBe(
    'RangeError: Maximum call stack size exceeded',
  );
  const hostile = new Error('x');
  Object.defineProperty(hostile, 'message', {
    get() {
      throw new Error('getter');
    },
  });
  expect(describeThrown(hostile)).toBe('an object');
  expect(describeThrown('a string')).toBe('"a string"');
});
