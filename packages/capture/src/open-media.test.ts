import { afterEach, describe, expect, it } from 'vitest';
import { describeMediaError } from './describe-media-error.ts';
import { openCamera, openScreen } from './open-media.ts';
import { stopStream } from './stop-stream.ts';

let stream: MediaStream | undefined;
afterEach(() => stopStream(stream));

describe('openCamera', () => {
  it('opens a live 640×480 camera for the vga preset', async () => {
    stream = await openCamera({ preset: 'vga' });
    const [track] = stream.getVideoTracks();
    expect(track?.readyState).toBe('live');
    expect(track?.getSettings()).toMatchObject({ width: 640, height: 480 });
  });

  it('opens the size of other presets', async () => {
    stream = await openCamera({ preset: 'qvga' });
    expect(stream.getVideoTracks()[0]?.getSettings()).toMatchObject({ width: 320, height: 240 });
  });

  it('opens no microphone unless audio is on', async () => {
    stream = await openCamera();
    expect(stream.getAudioTracks()).toHaveLength(0);
    stopStream(stream);

    stream = await openCamera({ audio: true });
    expect(stream.getAudioTracks()).toHaveLength(1);
    expect(stream.getAudioTracks()[0]?.readyState).toBe('live');
  });

  it('opens only the microphone when video is off', async () => {
    stream = await openCamera({ video: false, audio: true });
    expect(stream.getVideoTracks()).toHaveLength(0);
    expect(stream.getAudioTracks()).toHaveLength(1);
  });

  it('rejects with a TypeError when asked for nothing', async () => {
    const error = await openCamera({ video: false }).catch((err: unknown) => err);
    expect(error).toBeInstanceOf(TypeError);
    expect(describeMediaError(error).title).toBe('Neither camera nor microphone was requested');
  });

  it('rejects an unknown camera with an OverconstrainedError naming deviceId', async () => {
    const error = await openCamera({ videoDeviceId: 'no-such-camera' }).catch(
      (err: unknown) => err,
    );
    expect(error).toMatchObject({ name: 'OverconstrainedError', constraint: 'deviceId' });
  });

  describe('on a page that is not a secure context', () => {
    // Tests run on http://localhost, which is secure; insecure pages have no navigator.mediaDevices.
    afterEach(() => {
      delete (navigator as { mediaDevices?: unknown }).mediaDevices;
    });

    it('throws a SecurityError that describeMediaError explains', async () => {
      Object.defineProperty(navigator, 'mediaDevices', { value: undefined, configurable: true });
      const error = await openCamera().catch((err: unknown) => err);
      expect(error).toMatchObject({ name: 'SecurityError' });
      expect(describeMediaError(error).fix).toBe('Open it on https:// or http://localhost.');
    });
  });
});

describe('openScreen', () => {
  it('shares the screen as a live video track', async () => {
    stream = await openScreen();
    expect(stream.getVideoTracks()[0]?.readyState).toBe('live');
    expect(stream.getAudioTracks()).toHaveLength(0);
  });

  it('caps the size at the preset', async () => {
    stream = await openScreen({ preset: 'qvga' });
    const { width = Infinity, height = Infinity } = stream.getVideoTracks()[0]!.getSettings();
    expect(width).toBeLessThanOrEqual(320);
    expect(height).toBeLessThanOrEqual(240);
  });
});
