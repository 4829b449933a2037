// #region setup
import '@peerlab/ui';
import { describeMediaError } from '@peerlab/capture';
import type { PlError } from '@peerlab/ui';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const video = $<HTMLVideoElement>('#video');
const presetSelect = $<HTMLSelectElement>('#preset');
const startButton = $<HTMLButtonElement>('#start');
const stopButton = $<HTMLButtonElement>('#stop');
const summary = $<HTMLParagraphElement>('#summary');
const settingsBox = $<HTMLPreElement>('#settings');
const errorBox = $<PlError>('#error');

/** The camera's stream while it runs. */
let stream: MediaStream | null = null;
// #endregion setup

// #region presets
/** The sizes offered in the Size list, in pixels. */
const PRESETS: Record<string, { width: number; height: number }> = {
  qvga: { width: 320, height: 240 },
  vga: { width: 640, height: 480 },
  hd: { width: 1280, height: 720 },
  'full-hd': { width: 1920, height: 1080 },
};
// #endregion presets

// #region start
async function startCamera(): Promise<void> {
  stopCamera(); // another size needs another getUserMedia call
  errorBox.error = null;
  startButton.disabled = true; // one camera at a time, even on a double click
  const asked = PRESETS[presetSelect.value]!;
  // `ideal` lets the camera get as close as it can; `exact` would fail on a camera without that size.
  const constraints: MediaStreamConstraints = {
    video: { width: { ideal: asked.width }, height: { ideal: asked.height } },
    audio: false,
  };
  try {
    stream = await navigator.mediaDevices.getUserMedia(constraints);
  } catch (error) {
    // Denied, no camera, camera busy, insecure page…: say which, and what to do about it.
    errorBox.error = describeMediaError(error);
    startButton.disabled = false;
    return;
  }
  video.srcObject = stream;
  showSettings(stream.getVideoTracks()[0]!, asked);
  stopButton.disabled = false;
}
// #endregion start

// #region settings
/** Shows what the camera really delivers, which can differ from what was asked for. */
function showSettings(track: MediaStreamTrack, asked: { width: number; height: number }): void {
  const settings = track.getSettings();
  summary.textContent =
    `Asked for ${asked.width}×${asked.height}, got ${settings.width}×${settings.height} ` +
    `at ${Math.round(settings.frameRate ?? 0)} fps from "${track.label}".`;
  settingsBox.textContent = JSON.stringify(settings, null, 2);
}
// #endregion settings

// #region stop
function stopCamera(): void {
  // Stopping every track turns the camera (and its light) off; the video goes blank.
  stream?.getTracks().forEach((track) => track.stop());
  stream = null;
  video.srcObject = null;
  summary.textContent = '';
  settingsBox.textContent = '';
  startButton.disabled = false;
  stopButton.disabled = true;
}
// #endregion stop

// #region wire-up
$<HTMLFormElement>('#controls').addEventListener('submit', (event) => {
  event.preventDefault();
  void startCamera();
});
stopButton.addEventListener('click', stopCamera);
// A new size while the camera runs: restart it at that size.
presetSelect.addEventListener('change', () => {
  if (stream) void startCamera();
});
// #endregion wire-up
