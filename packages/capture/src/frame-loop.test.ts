import { afterEach, describe, expect, it, vi } from 'vitest';
import { startAnimationFrameLoop, startFrameLoop } from './frame-loop.ts';
import { openCamera } from './open-media.ts';
import { stopStream } from './stop-stream.ts';
import { playingVideo } from './test-support/playing-video.ts';

let stream: MediaStream | undefined;
let video: HTMLVideoElement | undefined;
afterEach(() => {
  stopStream(stream);
  video?.remove();
});

/** Resolves once `video` has shown `count` more frames. */
function framesShown(video: HTMLVideoElement, count: number): Promise<void> {
  return new Promise((resolve) => {
    let left = count;
    const tick = () => (--left === 0 ? resolve() : video.requestVideoFrameCallback(tick));
    video.requestVideoFrameCallback(tick);
  });
}

describe.each([
  ['startFrameLoop', startFrameLoop],
  ['startAnimationFrameLoop', startAnimationFrameLoop],
])('%s', (_name, startLoop) => {
  it('calls onFrame for new frames of a playing video, and no more after stop()', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);
    const onFrame = vi.fn();

    const stop = startLoop(video, onFrame);
    await vi.waitFor(() => expect(onFrame.mock.calls.length).toBeGreaterThanOrEqual(3));
    const [now] = onFrame.mock.calls[0] as [number];
    expect(now).toBeGreaterThan(0);

    stop();
    const callsAtStop = onFrame.mock.calls.length;
    await framesShown(video, 5);
    expect(onFrame).toHaveBeenCalledTimes(callsAtStop);
  });

  it('can be stopped from inside onFrame', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);
    const onFrame = vi.fn(() => stop());

    const stop = startLoop(video, onFrame);
    await vi.waitFor(() => expect(onFrame).toHaveBeenCalled());
    await framesShown(video, 5);
    expect(onFrame).toHaveBeenCalledTimes(1);
  });
});

describe('startFrameLoop', () => {
  it('passes requestVideoFrameCallback metadata with the frame size', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);
    const onFrame = vi.fn();

    const stop = startFrameLoop(video, onFrame);
    await vi.waitFor(() => expect(onFrame).toHaveBeenCalled());
    stop();
    expect(onFrame.mock.calls[0]?.[1]).toMatchObject({ width: 320, height: 240 });
  });
});

describe('startAnimationFrameLoop', () => {
  it('skips animation frames in which the video time did not move', async () => {
    stream = await openCamera({ preset: 'qvga' });
    video = await playingVideo(stream);
    video.pause();
    const onFrame = vi.fn();

    const stop = startAnimationFrameLoop(video, onFrame);
    await vi.waitFor(() => expect(onFrame).toHaveBeenCalledTimes(1));
    // A paused video's currentTime stands still, so more animation frames bring no more calls.
    await new Promise<void>((resolve) => {
      let left = 10;
      const tick = () => (--left === 0 ? resolve() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    });
    stop();
    expect(onFrame).toHaveBeenCalledTimes(1);
  });
});
