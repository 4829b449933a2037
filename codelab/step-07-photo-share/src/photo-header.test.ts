import { describe, expect, it } from 'vitest';
import {
  MAX_PHOTO_BYTES,
  readAck,
  readHeader,
  sha256Hex,
  type PhotoHeader,
} from './photo-header.ts';

const header: PhotoHeader = {
  kind: 'photo',
  name: 'photo-1.jpeg',
  type: 'image/jpeg',
  size: 45_123,
  width: 640,
  height: 480,
  sha256: 'ab'.repeat(32),
};

describe('sha256Hex', () => {
  it('gives the SHA-256 in 64 hex digits', async () => {
    const abc = new TextEncoder().encode('abc'); // the test vector of FIPS 180-2
    expect(await sha256Hex(abc)).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});

describe('readHeader', () => {
  it('accepts a good header and returns a copy of its fields only', () => {
    const sent = { ...header, extra: 'dropped' };
    const read = readHeader(JSON.parse(JSON.stringify(sent)));
    expect(read).toEqual(header);
  });

  it.each([
    ['not an object', 'photo', /kind/],
    ['another kind', { ...header, kind: 'ack' }, /kind/],
    ['a path for a name', { ...header, name: '../../evil.jpeg' }, /name/],
    ['an empty name', { ...header, name: '' }, /name/],
    ['another type', { ...header, type: 'text/html' }, /type/],
    ['a size over the limit', { ...header, size: MAX_PHOTO_BYTES + 1 }, /over 5000000 bytes/],
    ['no size', { ...header, size: undefined }, /size/],
    ['a size of 0', { ...header, size: 0 }, /size/],
    ['half a byte', { ...header, size: 10.5 }, /size/],
    ['a size as text', { ...header, size: '100' }, /size/],
    ['no width', { ...header, width: undefined }, /width/],
    ['a huge height', { ...header, height: 100_000 }, /height/],
    ['a short hash', { ...header, sha256: 'abc' }, /sha256/],
    ['an upper-case hash', { ...header, sha256: 'AB'.repeat(32) }, /sha256/],
  ])('rejects %s', (_, value, problem) => {
    expect(() => readHeader(value)).toThrow(TypeError);
    expect(() => readHeader(value)).toThrow(problem);
  });

  it('accepts the largest photo allowed', () => {
    expect(readHeader({ ...header, size: MAX_PHOTO_BYTES }).size).toBe(MAX_PHOTO_BYTES);
  });
});

describe('readAck', () => {
  it('finds an ack in a text message, and nothing in anything else', () => {
    const ack = { kind: 'ack', sha256: header.sha256, verified: true };
    expect(readAck(JSON.stringify(ack))).toEqual(ack);
    expect(readAck(JSON.stringify(header))).toBeUndefined();
    expect(readAck(JSON.stringify({ kind: 'ack', sha256: header.sha256 }))).toBeUndefined();
    expect(readAck('not json')).toBeUndefined();
    expect(readAck(new ArrayBuffer(4))).toBeUndefined();
  });
});
