/** Frames per second and milliseconds per frame over the last window, for the readout. */
export interface FrameRates {
  fps: number;
  msPerFrame: number;
}

/**
 * Counts the frames the page rendered against the frames the camera delivered, and the time
 * each render took. Camera frames come from `presentedFrames` (requestVideoFrameCallback's
 * count of frames the video showed), so a frame the page was too busy to render still counts.
 */
export class FrameMeter {
  /** Frames rendered since the meter started. */
  rendered = 0;
  /** Frames the camera delivered since the first rendered one (time spent paused included). */
  cameraFrames = 0;
  /** Milliseconds spent rendering since the meter started. */
  renderMs = 0;
  #firstPresented: number | undefined;
  #windowStart = performance.now();
  #windowFrames = 0;
  #windowMs = 0;

  /** Records one rendered frame that took `ms`; `presentedFrames` is from the frame's metadata. */
  frame(ms: number, presentedFrames?: number): void {
    this.rendered++;
    this.renderMs += ms;
    this.#windowFrames++;
    this.#windowMs += ms;
    if (presentedFrames === undefined) {
      this.cameraFrames = this.rendered;
      return;
    }
    this.#firstPresented ??= presentedFrames - 1;
    this.cameraFrames = presentedFrames - this.#firstPresented;
  }

  /** The rates since the last call, then starts a new window. */
  takeRates(): FrameRates {
    const now = performance.now();
    const seconds = (now - this.#windowStart) / 1000;
    const rates = {
      fps: seconds > 0 ? this.#windowFrames / seconds : 0,
      msPerFrame: this.#windowFrames > 0 ? this.#windowMs / this.#windowFrames : 0,
    };
    this.#windowStart = now;
    this.#windowFrames = 0;
    this.#windowMs = 0;
    return rates;
  }
}
