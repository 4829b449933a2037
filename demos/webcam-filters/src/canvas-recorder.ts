/** WebM is what Chromium and Firefox record; VP8 plays back everywhere WebM does. */
const MIME_TYPES = ['video/webm;codecs=vp8', 'video/webm'];

/**
 * Records a canvas as WebM: `canvas.captureStream()` turns each new drawing into a video frame
 * and MediaRecorder encodes them.
 */
export class CanvasRecorder {
  readonly #recorder: MediaRecorder;
  readonly #chunks: Blob[] = [];

  /** Starts recording at once. Throws a plain-words Error where MediaRecorder cannot do WebM. */
  constructor(canvas: HTMLCanvasElement, fps = 30) {
    const mimeType = MIME_TYPES.find((type) => MediaRecorder.isTypeSupported(type));
    if (!mimeType) throw new Error('This browser cannot record WebM video.');
    this.#recorder = new MediaRecorder(canvas.captureStream(fps), { mimeType });
    this.#recorder.addEventListener('dataavailable', (event) => this.#chunks.push(event.data));
    // A chunk a second, so a long clip is not one huge buffer at the end.
    this.#recorder.start(1000);
  }

  /** Stops, and resolves with the whole clip as one `video/webm` Blob. */
  stop(): Promise<Blob> {
    return new Promise((resolve) => {
      this.#recorder.addEventListener(
        'stop',
        () => {
          this.#recorder.stream.getTracks().forEach((track) => track.stop());
          resolve(new Blob(this.#chunks, { type: 'video/webm' }));
        },
        { once: true },
      );
      this.#recorder.stop();
    });
  }
}
