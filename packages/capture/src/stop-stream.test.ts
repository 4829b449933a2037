import { expect, it } from 'vitest';
import { openCamera } from './open-media.ts';
import { stopStream } from './stop-stream.ts';

it('ends every track of the stream', async () => {
  const stream = await openCamera({ audio: true });
  expect(stream.getTracks()).toHaveLength(2);

  stopStream(stream);

  expect(stream.getTracks().map((track) => track.readyState)).toEqual(['ended', 'ended']);
});

it('accepts no stream', () => {
  expect(() => stopStream(null)).not.toThrow();
  expect(() => stopStream(undefined)).not.toThrow();
});
