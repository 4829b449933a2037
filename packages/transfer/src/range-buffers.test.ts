import { expect, test } from 'vitest';
import { giveRangeBuffer, takeRangeBuffer } from './range-buffers.ts';
import { RANGE_BYTES } from './wire-format.ts';

test('a whole range buffer given back is the next one taken; a short one is not kept', () => {
  const given = new ArrayBuffer(RANGE_BYTES);
  giveRangeBuffer(given);
  giveRangeBuffer(new ArrayBuffer(10)); // a file's last range
  expect(takeRangeBuffer(RANGE_BYTES).buffer).toBe(given);
  expect(takeRangeBuffer(RANGE_BYTES).buffer).not.toBe(given);
  expect(takeRangeBuffer(10).byteLength).toBe(10);
});
