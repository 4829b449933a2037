import { afterEach, describe, expect, test } from 'vitest';
import { ChannelWriter, HIGH_WATER_MARK } from './channel-writer.ts';
import { sessionPair } from './test-support/fake-call.ts';
import { opened } from './test-support/wait.ts';

let close = () => {};
afterEach(() => close());

describe('ChannelWriter', () => {
  test('32 MiB written at once arrive whole and in order, never overfilling the buffer', async () => {
    const pair = sessionPair();
    close = pair.close;
    const out = pair.first.createChannel('bulk', { negotiatedId: 3 });
    const into = pair.second.createChannel('bulk', { negotiatedId: 3 });
    const writer = new ChannelWriter(out.channel);
    const chunk = 64 * 1024;
    const count = 512; // 32 MiB: twice what Chromium's send buffer takes before send() throws
    let maxBuffered = 0;
    out.channel.addEventListener('bufferedamountlow', () => {
      maxBuffered = Math.max(maxBuffered, out.channel.bufferedAmount);
    });
    const seen: number[] = [];
    const all = new Promise<void>((resolve) =>
      into.on('binary', (data) => {
        seen.push(new DataView(data).getUint32(0));
        if (seen.length === count) resolve();
      }),
    );
    // Written before the channel opens: it all waits in the writer, then drains.
    writer.write(
      Array.from({ length: count }, (_, i) => {
        const bytes = new Uint8Array(chunk);
        new DataView(bytes.buffer).setUint32(0, i);
        return bytes;
      }),
    );
    await opened(out);
    expect(out.channel.bufferedAmount).toBeLessThanOrEqual(HIGH_WATER_MARK + chunk);
    await all;
    expect(seen).toEqual([...Array(count).keys()]);
    expect(maxBuffered).toBeLessThanOrEqual(HIGH_WATER_MARK + chunk);
    expect(writer.waiting).toBe(0);
  });
});
