const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Shows 3, 2, 1 in `overlay`, a second each, then clears it: time to strike a pose. */
export async function countDown(overlay: HTMLElement, from = 3): Promise<void> {
  for (let n = from; n > 0; n--) {
    overlay.textContent = String(n);
    await wait(1000);
  }
  overlay.textContent = '';
}

/** Plays the white camera flash (a CSS animation) on `overlay`, restarting it if it is on. */
export function flash(overlay: HTMLElement): void {
  overlay.classList.remove('flash');
  void overlay.offsetWidth; // reading layout restarts the animation
  overlay.classList.add('flash');
}

/**
 * Encodes what `canvas` shows as a PNG. Call it in the same task as the draw: a WebGL canvas
 * may clear its picture once the page has shown it, and `toBlob` copies the pixels at once.
 */
export function canvasToPng(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('The canvas could not be encoded.'))),
      'image/png',
    ),
  );
}
