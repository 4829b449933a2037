import { expect, test } from '@peerlab/testing';
import {
  acceptOffer,
  dropRandomFile,
  expectComplete,
  expectLinked,
  MiB,
  receivedRow,
  receivedSha256,
  roomPath,
  storedPaths,
  type FileShareHandle,
} from './file-share-page.ts';

test('the receiver reloads half way: the rest comes from the last verified range, whole', async ({
  openPeers,
}) => {
  const size = 40 * MiB;
  const [sender, receiver] = await openPeers(2, roomPath('resume'));
  await expectLinked(sender!, 1);
  const sha256 = await dropRandomFile(sender!, 'movie.bin', size);
  // Reload from inside the page the moment half is verified: a click from the test would land
  // at a moment that depends on the machine's speed.
  await receiver!.evaluate((half) => {
    const { room } = window.peerlab as FileShareHandle;
    for (const link of room.links.values()) {
      link.receiver.on('progress', ({ done }) => {
        if (done >= half) location.reload();
      });
    }
  }, size / 2);
  const reloaded = receiver!.waitForEvent('load', { timeout: 60_000 });
  await acceptOffer(receiver!);
  await reloaded;

  // Back in the room, the sender offers the file again and the page says from where it resumes.
  const row = receivedRow(receiver!, 'movie.bin');
  await expect(row.locator('.state')).toHaveText(/^resuming from \d+ %/, { timeout: 30_000 });
  const resumedAt = Number(
    /resuming from (\d+) %/.exec(await row.locator('.state').innerText())![1],
  );
  expect(resumedAt).toBeGreaterThanOrEqual(50);
  await acceptOffer(receiver!);
  await expectComplete(receiver!, 'movie.bin');
  expect(await receivedSha256(receiver!, 'movie.bin')).toBe(sha256);

  // The sender's link to the reloaded page (a new peer id) carried only what was missing.
  const sentAfter = await sender!.evaluate(() => {
    const { room } = window.peerlab as FileShareHandle;
    return [...room.links.values()].map((link) => link.sender.bytesSent);
  });
  expect(sentAfter).toHaveLength(1);
  expect(sentAfter[0]).toBeLessThan(0.6 * size);
  expect(sentAfter[0]).toBeGreaterThan(0);
});

test('the receiver cancels mid-transfer: both sides say so, and nothing half-written stays', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openPeers(2, roomPath('receiver-cancels'));
  await expectLinked(sender!, 1);
  await dropRandomFile(sender!, 'big.bin', 24 * MiB);
  // Cancel at the first verified range, from the page itself: 23 MiB are still to come then.
  await receiver!.evaluate(() => {
    const { room } = window.peerlab as FileShareHandle;
    for (const link of room.links.values()) {
      link.receiver.on('progress', () =>
        document.querySelector<HTMLButtonElement>('.incoming .cancel')?.click(),
      );
    }
  });
  await acceptOffer(receiver!);
  await expect(receivedRow(receiver!, 'big.bin').locator('.state')).toHaveAttribute(
    'data-state',
    'cancelled',
  );
  await expect(sender!.locator('.share .peers .state')).toHaveAttribute('data-state', 'cancelled');
  await expect(sender!.locator('.share .peers .state')).toContainText('The other side cancelled');
  await expect.poll(() => storedPaths(receiver!)).toEqual([]);
});

test('the sender stops sharing mid-transfer; a declined offer is told to the sender', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openPeers(2, roomPath('sender-cancels'));
  await expectLinked(sender!, 1);
  await dropRandomFile(sender!, 'declined.bin', 1 * MiB);
  await receiver!.locator('.incoming .decline').click();
  await expect(sender!.locator('.share .peers .state')).toHaveAttribute('data-state', 'declined');

  await dropRandomFile(sender!, 'stopped.bin', 24 * MiB);
  await sender!.evaluate(() => {
    const { room } = window.peerlab as FileShareHandle;
    for (const link of room.links.values()) {
      link.sender.on('progress', () =>
        document.querySelector<HTMLButtonElement>('.share .stop:not([disabled])')?.click(),
      );
    }
  });
  await acceptOffer(receiver!);
  await expect(receivedRow(receiver!, 'stopped.bin').locator('.state')).toHaveAttribute(
    'data-state',
    'cancelled',
  );
  await expect(receivedRow(receiver!, 'stopped.bin').locator('.state')).toContainText(
    'The other side cancelled "stopped.bin"',
  );
  await expect(sender!.locator('.share').first().locator('.stop')).toHaveText('Stopped');
  await expect.poll(() => storedPaths(receiver!)).toEqual([]);
});
