import { afterEach, describe, expect, it, vi } from 'vitest';
import { listDevices, switchDevice, watchDevices, type DeviceLists } from './devices.ts';
import { openCamera } from './open-media.ts';
import { stopStream } from './stop-stream.ts';

let stream: MediaStream | undefined;
let peer: RTCPeerConnection | undefined;
afterEach(() => {
  stopStream(stream);
  peer?.close();
  vi.restoreAllMocks();
});

describe('listDevices', () => {
  it('finds the fake camera, microphones and speakers, with labels once allowed', async () => {
    stream = await openCamera({ audio: true });
    const { videoInputs, audioInputs, audioOutputs } = await listDevices();

    expect(videoInputs.length).toBeGreaterThan(0);
    expect(audioInputs.length).toBeGreaterThan(0);
    expect(audioOutputs.length).toBeGreaterThan(0);
    expect(videoInputs.every((device) => device.kind === 'videoinput')).toBe(true);
    expect(audioInputs.every((device) => device.kind === 'audioinput')).toBe(true);
    expect(audioOutputs.every((device) => device.kind === 'audiooutput')).toBe(true);
    for (const device of [...videoInputs, ...audioInputs, ...audioOutputs]) {
      expect(device.label).not.toBe('');
    }
  });
});

describe('watchDevices', () => {
  // No device can be plugged in during a test, so the test fires the event the browser would.
  const plugSomethingIn = () => navigator.mediaDevices.dispatchEvent(new Event('devicechange'));

  it('reports fresh lists on devicechange until unsubscribed', async () => {
    const onChange = vi.fn<(devices: DeviceLists) => void>();
    const unsubscribe = watchDevices(onChange);

    plugSomethingIn();
    await vi.waitFor(() => expect(onChange).toHaveBeenCalledTimes(1));
    expect(onChange.mock.calls[0]?.[0].videoInputs.length).toBeGreaterThan(0);

    unsubscribe();
    const enumerate = vi.spyOn(navigator.mediaDevices, 'enumerateDevices');
    plugSomethingIn();
    // Listeners run synchronously, so a listener still attached would have started listing by now.
    expect(enumerate).not.toHaveBeenCalled();
    expect(onChange).toHaveBeenCalledTimes(1);
  });
});

describe('switchDevice', () => {
  it('swaps the microphone in the stream and on the peer connection’s sender', async () => {
    stream = await openCamera({ audio: true });
    const { audioInputs } = await listDevices();
    const [first, second] = audioInputs.filter((device) => device.deviceId !== 'default');
    expect(second, 'the fake devices include two microphones').toBeDefined();
    stopStream(stream);

    stream = await openCamera({ audioDeviceId: first!.deviceId });
    const oldAudio = stream.getAudioTracks()[0]!;
    const video = stream.getVideoTracks()[0]!;
    peer = new RTCPeerConnection();
    for (const track of stream.getTracks()) peer.addTrack(track, stream);

    const newAudio = await switchDevice(stream, 'audio', second!.deviceId, peer.getSenders());

    expect(newAudio.getSettings().deviceId).toBe(second!.deviceId);
    expect(stream.getAudioTracks()).toEqual([newAudio]);
    expect(stream.getVideoTracks()).toEqual([video]);
    expect(oldAudio.readyState).toBe('ended');
    expect(newAudio.readyState).toBe('live');
    const senderTracks = peer.getSenders().map((sender) => sender.track);
    expect(senderTracks).toContain(newAudio);
    expect(senderTracks).toContain(video);
    expect(senderTracks).not.toContain(oldAudio);
  });

  it('reopens the camera with the old track’s size and replaces it on the sender', async () => {
    stream = await openCamera({ preset: 'qvga' });
    const oldVideo = stream.getVideoTracks()[0]!;
    const { deviceId = '' } = oldVideo.getSettings();
    peer = new RTCPeerConnection();
    const sender = peer.addTrack(oldVideo, stream);

    const newVideo = await switchDevice(stream, 'video', deviceId, [sender]);

    expect(newVideo).not.toBe(oldVideo);
    expect(newVideo.getSettings()).toMatchObject({ deviceId, width: 320, height: 240 });
    expect(sender.track).toBe(newVideo);
    expect(stream.getVideoTracks()).toEqual([newVideo]);
    expect(oldVideo.readyState).toBe('ended');
  });

  it('keeps the old track when the new device cannot be opened', async () => {
    stream = await openCamera();
    const oldVideo = stream.getVideoTracks()[0]!;

    await expect(switchDevice(stream, 'video', 'no-such-camera')).rejects.toMatchObject({
      name: 'OverconstrainedError',
    });
    expect(stream.getVideoTracks()).toEqual([oldVideo]);
    expect(oldVideo.readyState).toBe('live');
  });
});
