// #region setup
import '@peerlab/ui';
import { describeMediaError, openCamera } from '@peerlab/capture';
import type { PlError, PlVideo } from '@peerlab/ui';
import { watchLevel } from './level-meter.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const startButton = $<HTMLButtonElement>('#start');
const cameraSelect = $<HTMLSelectElement>('#camera');
const micSelect = $<HTMLSelectElement>('#microphone');
const video = $<PlVideo>('#video');
const levelMeter = $<HTMLMeterElement>('#level');
const levelText = $<HTMLOutputElement>('#level-db');
const errorBox = $<PlError>('#error');

/** The camera and microphone while they run. */
let stream: MediaStream | null = null;
/** Stops the level meter of the current microphone. */
let stopLevel: (() => void) | undefined;
// #endregion setup

// #region start
startButton.addEventListener('click', async () => {
  errorBox.error = null;
  try {
    stream = await openCamera({ preset: 'vga', audio: true });
  } catch (error) {
    errorBox.error = describeMediaError(error);
    return;
  }
  startButton.disabled = true;
  video.srcObject = stream;
  meter(stream.getAudioTracks()[0]);
  // Device names stay hidden until the page may use a device: list them now, not on load.
  await listDevices();
});
// #endregion start

// #region list-devices
/** Fills both lists from enumerateDevices(), with the devices in use selected. */
async function listDevices(): Promise<void> {
  const devices = await navigator.mediaDevices.enumerateDevices();
  fill(cameraSelect, devices, 'videoinput', stream?.getVideoTracks()[0]);
  fill(micSelect, devices, 'audioinput', stream?.getAudioTracks()[0]);
}

function fill(
  select: HTMLSelectElement,
  devices: MediaDeviceInfo[],
  kind: MediaDeviceKind,
  inUse: MediaStreamTrack | undefined,
): void {
  const inUseId = inUse?.getSettings().deviceId;
  const options = devices
    .filter((device) => device.kind === kind)
    .map((device, i) => {
      const label = device.label || `Device ${i + 1}`; // '' without permission
      return new Option(label, device.deviceId, false, device.deviceId === inUseId);
    });
  select.replaceChildren(...options);
  select.disabled = options.length === 0;
}
// #endregion list-devices

// #region devicechange
// Fired when a device is plugged in or out (or the default one changes): list them again.
navigator.mediaDevices?.addEventListener('devicechange', () => {
  if (stream) void listDevices();
});
// #endregion devicechange

// #region switch-device
/** Replaces the running camera or microphone by the device `deviceId`, while the other runs on. */
async function switchDevice(kind: 'video' | 'audio', deviceId: string): Promise<void> {
  if (!stream) return;
  errorBox.error = null;
  const oldTrack = kind === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
  // The same constraints as before (the size, say), but this device and no other.
  const constraints = { ...oldTrack?.getConstraints(), deviceId: { exact: deviceId } };
  // Stop the old track first: many cameras, and most phones, cannot run twice at once.
  oldTrack?.stop();
  const tracks = stream.getTracks().filter((track) => track !== oldTrack);
  try {
    const opened = await navigator.mediaDevices.getUserMedia({ [kind]: constraints });
    tracks.push(...opened.getTracks());
  } catch (error) {
    errorBox.error = describeMediaError(error);
  }
  stream = new MediaStream(tracks);
  video.srcObject = stream;
  if (kind === 'audio') meter(stream.getAudioTracks()[0]);
}

cameraSelect.addEventListener('change', () => void switchDevice('video', cameraSelect.value));
micSelect.addEventListener('change', () => void switchDevice('audio', micSelect.value));
// #endregion switch-device

// #region meter
/** Shows the level of `microphone` in the meter (and nothing without one). */
function meter(microphone: MediaStreamTrack | undefined): void {
  stopLevel?.();
  stopLevel = undefined;
  levelMeter.value = 0;
  levelMeter.dataset.peak = '0';
  levelText.textContent = '—';
  if (!microphone) return;
  let peak = 0;
  stopLevel = watchLevel(microphone, (level, db) => {
    levelMeter.value = level;
    // A clap is over in a blink: data-peak keeps the loudest level of this microphone.
    if (level > peak) {
      peak = level;
      levelMeter.dataset.peak = String(peak);
    }
    levelText.textContent = db > -60 ? `${Math.round(db)} dB` : 'silence';
  });
}
// #endregion meter
