import { afterEach, describe, expect, it } from 'vitest';
import { StatsSampler, type StatsSample } from './stats-sampler.ts';
import { loopbackCall } from './test-support/loopback-call.ts';
import { scriptedPc } from './test-support/scripted-pc.ts';

const codec = { id: 'C1', type: 'codec', timestamp: 0, mimeType: 'video/VP8' };
const inbound = (timestamp: number, bytesReceived: number, id = 'IV1') => ({
  id,
  type: 'inbound-rtp',
  kind: 'video',
  codecId: 'C1',
  timestamp,
  bytesReceived,
  packetsReceived: bytesReceived / 1000,
  frameWidth: 640,
});
const outbound = (timestamp: number, bytesSent: number) => ({
  id: 'OV1',
  type: 'outbound-rtp',
  kind: 'video',
  timestamp,
  bytesSent,
});

describe('StatsSampler with scripted reports', () => {
  it('turns counters into per-second values by stream kind, with the codec', async () => {
    const pc = scriptedPc(
      [codec, inbound(1_000, 10_000), outbound(1_000, 0)],
      [codec, inbound(2_000, 135_000), outbound(2_000, 50_000)],
    );
    const sampler = new StatsSampler(pc);
    const first = await sampler.sample();
    expect(first.values['inbound-video']).toMatchObject({
      bitsReceivedPerSecond: undefined, // no earlier report to compare with yet
      frameWidth: 640,
    });
    const second = await sampler.sample();
    expect(second.values['inbound-video']).toMatchObject({
      bitsReceivedPerSecond: 1_000_000,
      packetsReceivedPerSecond: 125,
      frameWidth: 640,
    });
    expect(second.values['outbound-video']?.bitsSentPerSecond).toBe(400_000);
    expect(second.codecs).toEqual({ 'inbound-video': 'video/VP8' });
    expect(second.reports['inbound-video']?.bytesReceived).toBe(135_000);
    expect(second.timestamp).toBe(2_000);
    expect(second.values['inbound-audio']).toBeUndefined();
    expect(sampler.series('inbound-video', 'bitsReceivedPerSecond')).toEqual([
      undefined,
      1_000_000,
    ]);
    expect(sampler.latest).toBe(second);
  });

  it('starts over when the stream is replaced (another report id)', async () => {
    const pc = scriptedPc([inbound(1_000, 10_000)], [inbound(2_000, 90_000, 'IV2')]);
    const sampler = new StatsSampler(pc);
    await sampler.sample();
    const sample = await sampler.sample();
    expect(sample.values['inbound-video']?.bitsReceivedPerSecond).toBeUndefined();
  });

  it('keeps only historyLength samples per series', async () => {
    const reports = [1, 2, 3, 4, 5].map((second) => [inbound(second * 1_000, second * 1_000)]);
    const sampler = new StatsSampler(scriptedPc(...reports), { historyLength: 3 });
    for (let i = 0; i < 5; i++) await sampler.sample();
    expect(sampler.series('inbound-video', 'bitsReceivedPerSecond')).toEqual([8000, 8000, 8000]);
    expect(sampler.series('inbound-video', 'nope')).toEqual([]);
  });

  it('fires sample after each poll, and stops polling on stop()', async () => {
    const sampler = new StatsSampler(scriptedPc([inbound(1_000, 1)]), { intervalMs: 10 });
    const samples: StatsSample[] = [];
    sampler.addEventListener('sample', (event) => {
      samples.push((event as CustomEvent<StatsSample>).detail);
      if (samples.length === 3) sampler.stop();
    });
    sampler.start();
    await expect.poll(() => samples.length).toBe(3);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(samples).toHaveLength(3);
  });

  it('stops and fires error when getStats fails', async () => {
    const failing = { getStats: () => Promise.reject(new Error('closed')) };
    const sampler = new StatsSampler(failing, { intervalMs: 10 });
    const error = new Promise((resolve) =>
      sampler.addEventListener('error', (event) => resolve((event as CustomEvent).detail)),
    );
    sampler.start();
    expect(await error).toEqual(new Error('closed'));
  });
});

describe('StatsSampler on a real call', () => {
  let close = () => {};
  afterEach(() => {
    close();
    document.body.replaceChildren();
  });

  it('measures the fake camera both ways: bitrate, size, frame rates and codec', async () => {
    const call = await loopbackCall();
    close = call.close;
    // The <video> counts the frames it presents only while it is in the page.
    const video = document.body.appendChild(document.createElement('video'));
    video.muted = true;
    video.srcObject = call.remoteStream;
    void video.play();
    const sending = new StatsSampler(call.sender, { intervalMs: 250 }).start();
    const receiving = new StatsSampler(call.receiver, { intervalMs: 250, video }).start();
    // The highest value of each series so far: a quarter of a second on a busy CPU may bring
    // no packet or frame, and the sender may scale the picture down for a while.
    const highest =
      (sampler: StatsSampler, kind: 'inbound-video' | 'outbound-video') => (key: string) =>
        Math.max(0, ...sampler.series(kind, key).map((value) => value ?? 0));
    const received = highest(receiving, 'inbound-video');
    const sent = highest(sending, 'outbound-video');

    await expect
      .poll(() => received('bitsReceivedPerSecond'), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await expect
      .poll(() => received('framesRenderedPerSecond'), { timeout: 5_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => received('framesDecodedPerSecond')).toBeGreaterThan(0);
    await expect.poll(() => received('packetsReceivedPerSecond')).toBeGreaterThan(0);
    await expect.poll(() => received('frameWidth')).toBe(640);
    await expect.poll(() => received('frameHeight')).toBe(480);
    await expect.poll(() => sent('bitsSentPerSecond')).toBeGreaterThan(0);
    await expect.poll(() => sent('packetsSentPerSecond')).toBeGreaterThan(0);
    expect(receiving.latest?.codecs['inbound-video']).toMatch(/^video\//);
    expect(sending.latest?.codecs['outbound-video']).toBe(
      receiving.latest?.codecs['inbound-video'],
    );
    sending.stop();
    receiving.stop();
  });
});
