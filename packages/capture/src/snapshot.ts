/** How `snapshotBlob` encodes the picture. */
export interface SnapshotOptions {
  /** The image format (default `image/jpeg`); `image/png` and `image/webp` also work in most browsers. */
  type?: string;
  /** For JPEG and WebP: 0 (small, blurry) to 1 (large, sharp). The browser's default if left out. */
  quality?: number;
}

/**
 * Grabs the frame `video` shows now, at the video's own size (`videoWidth` × `videoHeight`), as an
 * `ImageBitmap` ready to draw on a canvas or send to a worker.
 */
export async function snapshotBitmap(video: HTMLVideoElement): Promise<ImageBitmap> {
  assertHasFrame(video);
  return createImageBitmap(video);
}

/**
 * Grabs the frame `video` shows now, at the video's own size, as an encoded image (JPEG by default)
 * to download, upload or show with `URL.createObjectURL`.
 */
export async function snapshotBlob(
  video: HTMLVideoElement,
  { type = 'image/jpeg', quality }: SnapshotOptions = {},
): Promise<Blob> {
  assertHasFrame(video);
  const { videoWidth, videoHeight } = video;
  // An OffscreenCanvas needs no place in the page.
  const canvas = new OffscreenCanvas(videoWidth, videoHeight);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw on an OffscreenCanvas.');
  context.drawImage(video, 0, 0, videoWidth, videoHeight);
  return canvas.convertToBlob({ type, quality });
}

/** A video has no frame to grab until its first one arrived (`videoWidth` is 0 before that). */
function assertHasFrame(video: HTMLVideoElement): void {
  if (video.videoWidth === 0 || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) {
    throw new DOMException(
      'The video has no frame yet: wait until it plays (for example for its `playing` event).',
      'InvalidStateError',
    );
  }
}
