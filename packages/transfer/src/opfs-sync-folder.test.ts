import { describe, expect, test } from 'vitest';
import { OpfsSyncFolder } from './opfs-sync-folder.ts';
import { takeRangeBuffer } from './range-buffers.ts';
import { RANGE_BYTES } from './wire-format.ts';

const MiB = 1024 * 1024;

describe('OpfsSyncFolder', () => {
  test('writes land in the file without a close, so a page gone mid-file keeps them', async () => {
    const folder = await OpfsSyncFolder.open('sync-sink-test');
    await folder.clear();
    const target = { path: 'dir/movie.bin', size: 2 * RANGE_BYTES, resumeFrom: 0 };
    const sink = folder.sink(target);
    const first = new Uint8Array(RANGE_BYTES).fill(7);
    await sink.write(0, first.subarray(0, RANGE_BYTES / 2));
    await sink.write(RANGE_BYTES / 2, first.subarray(RANGE_BYTES / 2)); // ends a range: flushed
    // A reload: the worker goes away with the file open, and nothing was closed.
    folder.terminate();
    const again = await OpfsSyncFolder.open('sync-sink-test');
    const kept = await again.file('dir/movie.bin');
    expect(kept.size).toBe(RANGE_BYTES);
    expect(new Uint8Array(await kept.arrayBuffer()).every((b) => b === 7)).toBe(true);

    // The resume keeps the first range and writes the second after it.
    const resumed = again.sink({ ...target, resumeFrom: RANGE_BYTES });
    expect(resumed.keepsEarlierBytes).toBe(true);
    const second = new Uint8Array(RANGE_BYTES).fill(9);
    await resumed.write(RANGE_BYTES, second);
    // A whole buffer moves to the worker instead of being copied, and comes back once written,
    // for the next range; a part of one stays where it is.
    expect([second.byteLength, first.byteLength]).toEqual([0, RANGE_BYTES]);
    expect(takeRangeBuffer(RANGE_BYTES)[0]).toBe(9);
    await resumed.close();
    const whole = new Uint8Array(await (await again.file('dir/movie.bin')).arrayBuffer());
    expect(whole.length).toBe(2 * RANGE_BYTES);
    expect([whole[0], whole[RANGE_BYTES - 1], whole[RANGE_BYTES], whole.at(-1)]).toEqual([
      7, 7, 9, 9,
    ]);
    await again.clear();
    again.terminate();
  });

  test('a fresh sink empties an old file; abort removes what it wrote', async () => {
    const folder = await OpfsSyncFolder.open('sync-sink-test');
    await folder.clear();
    const old = folder.sink({ path: 'a.txt', size: 5, resumeFrom: 0 });
    await old.write(0, new TextEncoder().encode('stale'));
    await old.close();
    const fresh = folder.sink({ path: 'a.txt', size: 2, resumeFrom: 0 });
    await fresh.write(0, new TextEncoder().encode('ok'));
    await fresh.close();
    expect(await (await folder.file('a.txt')).text()).toBe('ok');
    const doomed = folder.sink({ path: 'b.txt', size: 3, resumeFrom: 0 });
    await doomed.write(0, new Uint8Array(3));
    await doomed.abort();
    expect(await folder.names()).toEqual(['a.txt']);
    await folder.clear();
    folder.terminate();
  });

  // The quota is simulated: the estimate is injected, since the real one is the size of the disk.
  test('free space: a resumed file needs only its missing bytes, written in place', async () => {
    const folder = await OpfsSyncFolder.open('sync-space-test', async () => ({
      quota: 100 * MiB,
      usage: 90 * MiB,
    }));
    await folder.checkSpace([{ path: 'v.mp4', size: 16 * MiB, resumeFrom: 8 * MiB }]);
    await expect(
      folder.checkSpace([{ path: 'v.mp4', size: 16 * MiB, resumeFrom: 0 }]),
    ).rejects.toMatchObject({
      code: 'not-enough-space',
      details: { needed: 16 * MiB, available: 10 * MiB },
    });
    expect(await folder.names()).toEqual([]);
    folder.terminate();
  });
});
