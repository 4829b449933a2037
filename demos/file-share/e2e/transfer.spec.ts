import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from '@peerlab/testing';
import {
  acceptOffer,
  dropRandomFile,
  expectComplete,
  expectLinked,
  MiB,
  randomBytes,
  receivedRow,
  receivedSha256,
  roomPath,
  storedPaths,
} from './file-share-page.ts';

test('10 MiB through the file picker arrives with the same SHA-256, with progress on both sides', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openPeers(2, roomPath('ten-mib'));
  await expectLinked(sender!, 1);
  const { buffer, sha256 } = randomBytes(10 * MiB);
  await sender!.locator('#files').setInputFiles({
    name: 'ten.bin',
    mimeType: 'application/octet-stream',
    buffer,
  });
  const peerRow = sender!.locator('.share .peers li');
  await expect(peerRow.locator('.state')).toHaveText('waiting for the receiver');
  await expect(receiver!.locator('.incoming h3')).toContainText('1 file · 10.0 MiB');
  await expect(receivedRow(receiver!, 'ten.bin').locator('.state')).toHaveText(
    'offered to you: accept or decline',
  );
  await acceptOffer(receiver!);
  await expectComplete(receiver!, 'ten.bin');
  expect(await receivedSha256(receiver!, 'ten.bin')).toBe(sha256);
  await expect(peerRow.locator('.state')).toHaveAttribute('data-state', 'complete');
  await expect(peerRow.locator('progress')).toHaveAttribute('value', '100');
  // Loopback between two contexts: ICE picks a host pair, not the relay.
  await expect(peerRow.locator('.who')).toContainText('(peer to peer)');
  await expect(receivedRow(receiver!, 'ten.bin').locator('a.download')).toHaveAttribute(
    'download',
    'ten.bin',
  );
});

test('100 MiB dropped on the page arrives with the same SHA-256', async ({ openPeers }) => {
  test.setTimeout(180_000);
  const [sender, receiver] = await openPeers(2, roomPath('hundred-mib'));
  await expectLinked(sender!, 1);
  const sha256 = await dropRandomFile(sender!, 'hundred.bin', 100 * MiB);
  await acceptOffer(receiver!);
  // While it moves, the row says how much, how fast and how long is left.
  await expect(receivedRow(receiver!, 'hundred.bin').locator('.state')).toHaveText(
    /MiB of 100\.0 MiB · [\d.]+ [KM]iB\/s · \d+ (s|min) left/,
  );
  await expectComplete(receiver!, 'hundred.bin', 120_000);
  expect(await receivedSha256(receiver!, 'hundred.bin')).toBe(sha256);
});

test('a folder of 50 files arrives with its structure, and a text snippet is shown', async ({
  openPeers,
}, testInfo) => {
  const folder = testInfo.outputPath('album');
  const expected: Record<string, string> = {};
  for (let i = 0; i < 50; i++) {
    const sub = ['', 'raw/', 'raw/2024/'][i % 3]!;
    await mkdir(join(folder, sub), { recursive: true });
    const content = `file ${i} ${'x'.repeat(i * 37)}`;
    await writeFile(join(folder, sub, `photo-${i}.txt`), content);
    expected[`album/${sub}photo-${i}.txt`] = content;
  }
  const [sender, receiver] = await openPeers(2, roomPath('folder'));
  await expectLinked(sender!, 1);
  await sender!.locator('#folder').setInputFiles(folder);
  await expect(receiver!.locator('.incoming h3')).toContainText('50 files');
  await acceptOffer(receiver!);
  await expect(receiver!.locator('.incoming .state[data-state="complete"]')).toHaveCount(50, {
    timeout: 30_000,
  });
  expect(await storedPaths(receiver!)).toEqual(Object.keys(expected).sort());
  const texts = await receiver!.evaluate(async (paths) => {
    const { storage } = window.peerlab as { storage: { file(p: string): Promise<Blob> } };
    return Promise.all(paths.map(async (path) => (await storage.file(path)).text()));
  }, Object.keys(expected));
  expect(texts).toEqual(Object.values(expected));

  await sender!.locator('#text').fill('a <b>snippet</b>\nof two lines');
  await sender!.locator('#share-text').click();
  await expect(receiver!.locator('.incoming')).toHaveCount(2);
  await acceptOffer(receiver!);
  await expect(receivedRow(receiver!, 'text-1.txt').locator('pre.text')).toHaveText(
    'a <b>snippet</b>\nof two lines',
  );
  await expect(receiver!.locator('.incoming b')).toHaveCount(0);
});

test('one sender, three receivers at once: each gets the same bytes', async ({ openPeers }) => {
  const pages = await openPeers(4, roomPath('three-receivers'));
  const [sender, ...receivers] = pages;
  for (const page of pages) await expectLinked(page, 3);
  const sha256 = await dropRandomFile(sender!, 'for-all.bin', 8 * MiB);
  await Promise.all(receivers.map((page) => acceptOffer(page)));
  for (const page of receivers) await expectComplete(page, 'for-all.bin');
  for (const page of receivers) expect(await receivedSha256(page, 'for-all.bin')).toBe(sha256);
  await expect(sender!.locator('.share .peers .state[data-state="complete"]')).toHaveCount(3);
});
