import { CHAT_LIMITS } from '@peerlab/chat';
import { describe, expect, test } from 'vitest';
import { formatBytes, imageProblem, readImage } from './image-file.ts';

describe('images', () => {
  test('a small PNG is fine and reads as base64 of its bytes', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]);
    const file = new Blob([bytes], { type: 'image/png' });
    expect(imageProblem(file)).toBeUndefined();
    expect(await readImage(file)).toEqual({
      type: 'image/png',
      data: btoa(String.fromCharCode(...bytes)),
    });
  });

  test('over the cap: a clear message with both sizes and what to do', () => {
    const file = new Blob([new Uint8Array(CHAT_LIMITS.imageBytes + 1)], { type: 'image/jpeg' });
    expect(imageProblem(file)).toEqual({
      title: 'That image is too large to send',
      message:
        'It is 1.05 MB; the chat sends images up to 1.05 MB, so that every peer can keep the history.',
      fix: expect.stringMatching(/smaller/),
    });
  });

  test('SVG and other files are refused: an SVG may carry script', () => {
    expect(imageProblem(new Blob(['<svg/>'], { type: 'image/svg+xml' }))?.title).toBe(
      'That file is not an image the chat sends',
    );
    expect(imageProblem(new Blob(['x']))?.message).toMatch(/unknown type/);
  });

  test('formatBytes', () => {
    expect([980, 45_100, 1_230_000].map(formatBytes)).toEqual(['980 B', '45.1 kB', '1.23 MB']);
  });
});
