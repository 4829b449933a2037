import { describe, expect, it } from 'vitest';
import { FrameMeter } from './frame-meter.ts';

describe('FrameMeter', () => {
  it('counts camera frames from presentedFrames, so a frame it never rendered still counts', () => {
    const meter = new FrameMeter();
    meter.frame(1, 10);
    meter.frame(3, 11);
    meter.frame(2, 13); // frame 12 came and went while the page was busy
    expect(meter).toMatchObject({ rendered: 3, cameraFrames: 4, renderMs: 6 });
  });

  it('counts each rendered frame as a camera frame when there is no metadata', () => {
    const meter = new FrameMeter();
    meter.frame(1);
    meter.frame(1);
    expect(meter).toMatchObject({ rendered: 2, cameraFrames: 2 });
  });

  it('gives the mean time per frame of the window, then starts a new one', () => {
    const meter = new FrameMeter();
    meter.frame(1, 1);
    meter.frame(2, 2);
    expect(meter.takeRates().msPerFrame).toBe(1.5);
    expect(meter.takeRates()).toMatchObject({ fps: 0, msPerFrame: 0 });
  });
});
