import { describe, expect, it } from 'vitest';
import { isAsciiMessage } from './ascii-share.ts';

describe('isAsciiMessage', () => {
  it('accepts a frame whose text has exactly rows × columns characters', () => {
    expect(isAsciiMessage({ seq: 0, columns: 3, rows: 2, text: 'abc\ndef' })).toBe(true);
  });

  it.each([
    ['no text', { seq: 0, columns: 3, rows: 2 }],
    ['text of the wrong size', { seq: 0, columns: 3, rows: 2, text: 'abc\nde' }],
    ['a fractional sequence number', { seq: 0.5, columns: 1, rows: 1, text: 'a' }],
    ['zero columns', { seq: 0, columns: 0, rows: 1, text: '' }],
    ['not an object', 'abc'],
    ['null', null],
  ])('refuses %s', (_name, message) => {
    expect(isAsciiMessage(message)).toBe(false);
  });
});
