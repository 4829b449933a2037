import { afterEach, describe, expect, test } from 'vitest';
import { sha256OfBlob } from './file-hash.ts';
import { describeProgress } from './format-progress.ts';
import { OpfsFolder } from './opfs-folder.ts';
import type { TransferProgress } from './progress-meter.ts';
import type { IncomingFile } from './receiving-file.ts';
import { parseResumeState, type ResumeState } from './resume-state.ts';
import { channelPair, type ChannelPair } from './test-support/channel-pair.ts';
import { nextEvent, randomFile } from './test-support/files.ts';
import { acceptAll, endsOf } from './test-support/receive.ts';

const pairs: ChannelPair[] = [];
afterEach(() => pairs.splice(0).forEach((pair) => pair.close()));

const SIZE = 24 * 1024 * 1024 + 777;

/**
 * Sends `file` into `folder` and drops the connection, from the receiving side, once half of it
 * is verified. Returns the ResumeState, round-tripped through JSON as a page would store it.
 */
async function halfReceived(file: File, folder: OpfsFolder): Promise<ResumeState> {
  const pair = await channelPair();
  pairs.push(pair);
  const { sender, receiver } = endsOf(pair);
  acceptAll(receiver, (incoming) => folder.sink(incoming));
  receiver.on('progress', ({ done, total }) => {
    if (done >= total / 2 && pair.receiving.readyState === 'open') pair.receiving.close();
  });
  const kept = nextEvent(receiver, 'resume-state');
  const sent = await sender.offer([file]).done;
  expect(sent.files[0]).toMatchObject({
    outcome: 'interrupted',
    error: { code: 'channel-closed' },
  });
  const state = parseResumeState(JSON.parse(JSON.stringify(await kept)));
  expect(state?.files).toEqual([expect.objectContaining({ path: file.name, size: file.size })]);
  pair.close();
  return state!;
}

/** Offers `file` on a new pair of connections to a receiver that resumes from `state`. */
async function resumed(file: File, folder: OpfsFolder, state: ResumeState) {
  const pair = await channelPair();
  pairs.push(pair);
  const { sender, receiver } = endsOf(pair, { resume: state });
  const offered: IncomingFile[] = [];
  receiver.on('offer', (offer) => offered.push(...offer.files));
  acceptAll(receiver, (incoming) => folder.sink(incoming));
  const progress: TransferProgress[] = [];
  receiver.on('progress', (p) => progress.push(p));
  const received = nextEvent(receiver, 'done');
  const sent = await sender.offer([file]).done;
  return { sender, offered, progress, sent, received: await received };
}

describe('resume', () => {
  test('after a drop at half way only the rest is sent, and the file is whole', async () => {
    const folder = await OpfsFolder.open('resume-test');
    await folder.clear();
    const file = randomFile(SIZE, 'movie.bin');
    const state = await halfReceived(file, folder);
    const { sender, offered, progress, sent } = await resumed(file, folder, state);
    expect(sent.files[0]).toMatchObject({ outcome: 'complete' });
    const from = offered[0]!.resumeFrom;
    expect(from).toBeGreaterThanOrEqual(SIZE * 0.4);
    expect(sender.bytesSent).toBe(SIZE - from);
    expect(sender.bytesSent).toBeLessThan(SIZE * 0.6);
    expect(progress[0]!.resumedPercent).toBeCloseTo((100 * from) / SIZE);
    expect(describeProgress(progress[0]!)).toContain(
      `resumed from ${Math.floor((100 * from) / SIZE)} %`,
    );
    const stored = await folder.file('movie.bin');
    expect(stored.size).toBe(SIZE);
    expect(await sha256OfBlob(stored)).toBe(await sha256OfBlob(file));
    await folder.clear();
  });

  test('a file whose date changed is not resumed: same-file-expected, and it starts over', async () => {
    const folder = await OpfsFolder.open('resume-changed');
    await folder.clear();
    const file = randomFile(SIZE, 'doc.bin');
    const state = await halfReceived(file, folder);
    const edited = new File([file], 'doc.bin', { lastModified: file.lastModified + 1000 });
    const { sender, offered, sent } = await resumed(edited, folder, state);
    expect(offered[0]).toMatchObject({
      resumeFrom: 0,
      resumeRefused: { code: 'same-file-expected' },
    });
    expect(sent.files[0]).toMatchObject({ outcome: 'complete' });
    expect(sender.bytesSent).toBe(SIZE);
    await folder.clear();
  });

  test('a file changed behind the same name, size and date fails the whole-file check', async () => {
    const folder = await OpfsFolder.open('resume-swapped');
    await folder.clear();
    const first = randomFile(SIZE, 'same.bin');
    const state = await halfReceived(first, folder);
    const second = randomFile(SIZE, 'same.bin', first.lastModified);
    const { sent, received } = await resumed(second, folder, state);
    expect(sent.files[0]).toMatchObject({ outcome: 'failed', error: { code: 'hash-mismatch' } });
    expect(received.files[0]!.error?.message).toMatch(/resumed: the file may have changed/);
    await expect(folder.file('same.bin')).rejects.toThrow(); // thrown away, not kept half wrong
  });
});
