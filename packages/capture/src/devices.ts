import { requireMediaDevices } from './require-media-devices.ts';

/** The devices the browser knows about, sorted by kind. */
export interface DeviceLists {
  /** Cameras. */
  videoInputs: MediaDeviceInfo[];
  /** Microphones. */
  audioInputs: MediaDeviceInfo[];
  /** Speakers and headphones (for `HTMLMediaElement.setSinkId`). */
  audioOutputs: MediaDeviceInfo[];
}

/**
 * Lists cameras, microphones and speakers.
 *
 * Until the page has been allowed to use a device, browsers hide labels (they are `''`) and may
 * list only one placeholder per kind: call it again after `openCamera` succeeds.
 */
export async function listDevices(): Promise<DeviceLists> {
  const devices = await requireMediaDevices().enumerateDevices();
  const ofKind = (kind: MediaDeviceKind) => devices.filter((device) => device.kind === kind);
  return {
    videoInputs: ofKind('videoinput'),
    audioInputs: ofKind('audioinput'),
    audioOutputs: ofKind('audiooutput'),
  };
}

/**
 * Calls `onChange` with fresh lists whenever a device is plugged in or out.
 *
 * @returns a function that stops watching.
 */
export function watchDevices(onChange: (devices: DeviceLists) => void): () => void {
  const mediaDevices = requireMediaDevices();
  let watching = true;
  const update = async () => {
    const devices = await listDevices();
    // Listing is async: don't report lists that arrive after the caller stopped watching.
    if (watching) onChange(devices);
  };
  const onDeviceChange = () => void update();
  mediaDevices.addEventListener('devicechange', onDeviceChange);
  return () => {
    watching = false;
    mediaDevices.removeEventListener('devicechange', onDeviceChange);
  };
}

/**
 * Switches `stream` to another camera or microphone and returns the new track.
 *
 * Opens `deviceId` (keeping the old track's size and other constraints), hands the new track to every
 * given sender of that kind with `replaceTrack` (no renegotiation needed), puts it in `stream` in
 * place of the old track, and stops the old one.
 *
 * @param senders the `RTCRtpSender`s of your peer connections; those sending `kind` get the new track.
 */
export async function switchDevice(
  stream: MediaStream,
  kind: 'audio' | 'video',
  deviceId: string,
  senders: readonly RTCRtpSender[] = [],
): Promise<MediaStreamTrack> {
  const oldTrack = stream.getTracks().find((track) => track.kind === kind);
  const constraints = { ...oldTrack?.getConstraints(), deviceId: { exact: deviceId } };
  // The old track keeps running until the new one works, so a failed switch leaves the call as it was.
  const opened = await requireMediaDevices().getUserMedia({ [kind]: constraints });
  const [newTrack] = opened.getTracks();
  if (!newTrack)
    throw new DOMException(`No ${kind} track from device ${deviceId}.`, 'NotFoundError');

  await Promise.all(
    senders
      .filter((sender) => sender.track?.kind === kind)
      .map((sender) => sender.replaceTrack(newTrack)),
  );
  if (oldTrack) {
    stream.removeTrack(oldTrack);
    oldTrack.stop();
  }
  stream.addTrack(newTrack);
  return newTrack;
}
