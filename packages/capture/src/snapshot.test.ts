import { afterEach, describe, expect, it } from 'vitest';
import { openCamera } from './open-media.ts';
import { snapshotBitmap, snapshotBlob } from './snapshot.ts';
import { stopStream } from './stop-stream.ts';
import { playingVideo } from './test-support/playing-video.ts';

let stream: MediaStream | undefined;
let video: HTMLVideoElement | undefined;
afterEach(() => {
  stopStream(stream);
  video?.remove();
});

/** Reads the size of an encoded image. */
async function imageSize(blob: Blob): Promise<{ width: number; height: number }> {
  const bitmap = await createImageBitmap(blob);
  return { width: bitmap.width, height: bitmap.height };
}

describe('snapshotBitmap', () => {
  it('grabs the current frame at the video’s size', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);

    const bitmap = await snapshotBitmap(video);

    expect(video.videoWidth).toBe(320);
    expect({ width: bitmap.width, height: bitmap.height }).toEqual({
      width: video.videoWidth,
      height: video.videoHeight,
    });
  });

  it('rejects while the video has no frame yet', async () => {
    await expect(snapshotBitmap(document.createElement('video'))).rejects.toMatchObject({
      name: 'InvalidStateError',
    });
  });
});

describe('snapshotBlob', () => {
  it('encodes a JPEG of the video’s size by default', async () => {
    stream = await openCamera({ preset: 'vga' });
    video = await playingVideo(stream);

    const blob = await snapshotBlob(video, { quality: 0.8 });

    expect(blob.type).toBe('image/jpeg');
    expect(await imageSize(blob)).toEqual({ width: 640, height: 480 });
  });

  it('encodes the type asked for', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);

    const blob = await snapshotBlob(video, { type: 'image/png' });

    expect(blob.type).toBe('image/png');
    expect(await imageSize(blob)).toEqual({ width: 320, height: 240 });
  });

  it('draws the camera picture, not an empty canvas', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);

    const bitmap = await createImageBitmap(await snapshotBlob(video, { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;

    // Chromium's fake camera draws a coloured test pattern: some pixels are far from black.
    expect(pixels.some((value, index) => index % 4 !== 3 && value > 64)).toBe(true);
  });
});
