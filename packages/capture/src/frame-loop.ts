/**
 * Called once per new video frame. `now` is the time the frame is shown; `metadata` (size, capture
 * time, frame count…) is only there with `requestVideoFrameCallback`.
 */
export type FrameCallback = (
  now: DOMHighResTimeStamp,
  metadata?: VideoFrameCallbackMetadata,
) => void;

/**
 * Calls `onFrame` for every new frame `video` shows, until the returned `stop()` is called.
 *
 * Uses `requestVideoFrameCallback`, which fires exactly once per decoded frame, and falls back to
 * {@link startAnimationFrameLoop} in browsers without it.
 *
 * @example const stop = startFrameLoop(video, () => drawOverlay(video));
 * @returns stop: cancels the pending callback; safe to call more than once, even from `onFrame`.
 */
export function startFrameLoop(video: HTMLVideoElement, onFrame: FrameCallback): () => void {
  if (typeof video.requestVideoFrameCallback !== 'function') {
    return startAnimationFrameLoop(video, onFrame);
  }
  let stopped = false;
  let handle = 0;
  const tick: VideoFrameRequestCallback = (now, metadata) => {
    onFrame(now, metadata);
    if (!stopped) handle = video.requestVideoFrameCallback(tick);
  };
  handle = video.requestVideoFrameCallback(tick);
  return () => {
    stopped = true;
    video.cancelVideoFrameCallback(handle);
  };
}

/**
 * The fallback loop: `requestAnimationFrame` runs at the screen's rate (often 60 Hz) while a camera
 * sends fewer frames, so it only calls `onFrame` when `video.currentTime` has moved on.
 *
 * @returns stop: cancels the pending callback; safe to call more than once, even from `onFrame`.
 */
export function startAnimationFrameLoop(
  video: HTMLVideoElement,
  onFrame: FrameCallback,
): () => void {
  let stopped = false;
  let lastTime = -1;
  let handle = 0;
  const tick = (now: DOMHighResTimeStamp) => {
    if (video.currentTime !== lastTime) {
      lastTime = video.currentTime;
      onFrame(now);
    }
    if (!stopped) handle = requestAnimationFrame(tick);
  };
  handle = requestAnimationFrame(tick);
  return () => {
    stopped = true;
    cancelAnimationFrame(handle);
  };
}
