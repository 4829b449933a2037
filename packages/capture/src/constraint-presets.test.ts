import { describe, expect, it } from 'vitest';
import { buildConstraints, VIDEO_PRESETS } from './constraint-presets.ts';

describe('buildConstraints', () => {
  it('asks for the preset size as ideal, video only by default', () => {
    expect(buildConstraints('hd')).toEqual({
      video: { width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    });
  });

  it('defaults to vga', () => {
    expect(buildConstraints().video).toEqual({ width: { ideal: 640 }, height: { ideal: 480 } });
  });

  it('has the four preset sizes', () => {
    expect(VIDEO_PRESETS).toEqual({
      qvga: { width: 320, height: 240 },
      vga: { width: 640, height: 480 },
      hd: { width: 1280, height: 720 },
      'full-hd': { width: 1920, height: 1080 },
    });
  });

  it('turns audio on and off', () => {
    expect(buildConstraints('vga', { audio: true }).audio).toBe(true);
    expect(buildConstraints('vga', { audio: false }).audio).toBe(false);
  });

  it('asks for exact device ids, and a picked microphone turns audio on', () => {
    const constraints = buildConstraints('qvga', {
      videoDeviceId: 'cam-1',
      audioDeviceId: 'mic-2',
    });
    expect(constraints.video).toMatchObject({ deviceId: { exact: 'cam-1' } });
    expect(constraints.audio).toEqual({ deviceId: { exact: 'mic-2' } });
    expect(buildConstraints('qvga', { audioDeviceId: 'mic-2', audio: false }).audio).toBe(false);
  });

  it('prefers a facing mode without requiring it', () => {
    expect(buildConstraints('vga', { facingMode: 'environment' }).video).toMatchObject({
      facingMode: { ideal: 'environment' },
    });
  });

  it('leaves video out when asked', () => {
    expect(buildConstraints('vga', { video: false, audio: true })).toEqual({
      video: false,
      audio: true,
    });
  });
});
