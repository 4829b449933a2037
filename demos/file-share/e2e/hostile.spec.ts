import { expect, test } from '@peerlab/testing';
import {
  acceptOffer,
  expectComplete,
  expectLinked,
  MiB,
  receivedRow,
  roomPath,
  storedPaths,
  type FileShareHandle,
} from './file-share-page.ts';

test('not enough space: a clear error with the numbers, the sender told, nothing written', async ({
  browser,
  hub,
  openPeers,
}) => {
  // The machine's disk has gigabytes free: the receiver is given a 4 MiB quota so that a
  // 10 MiB offer cannot fit. Only the estimate is faked; the check and the refusal are real.
  const context = await browser.newContext({ baseURL: hub.url });
  await context.addInitScript(() => {
    navigator.storage.estimate = async () => ({ quota: 4 * 1024 * 1024, usage: 0 });
  });
  try {
    const receiver = await context.newPage();
    await receiver.goto(roomPath('full-disk'));
    const [sender] = await openPeers(1, roomPath('full-disk'));
    await expectLinked(sender!, 1);
    await sender!.evaluate((size) => {
      const { share } = window.peerlab as FileShareHandle;
      share([{ file: new File([new Uint8Array(size)], 'big.iso'), path: 'big.iso' }]);
    }, 10 * MiB);
    await acceptOffer(receiver);
    const alert = receiver.locator('.incoming pl-error [part="title"]');
    await expect(alert).toHaveText('Not enough space');
    await expect(receiver.locator('.incoming pl-error [part="message"]')).toHaveText(
      'Not enough space: these files need 10.0 MiB (10485760 bytes) and this site may use only 4.00 MiB more. Nothing was written.',
    );
    await expect(sender!.locator('.share .peers .state')).toHaveAttribute('data-state', 'declined');
    await expect(sender!.locator('.share .peers .state')).toContainText('not enough free space');
    expect(await storedPaths(receiver)).toEqual([]);
  } finally {
    await context.close();
  }
});

const HOSTILE = [
  {
    sent: '../../etc/<img src=x onerror="window.pwned=1">.txt',
    saved: 'etc/_img src=x onerror=_window.pwned=1__.txt',
  },
  { sent: 'C:\\Windows\\win.ini', saved: 'Windows/win.ini' },
  { sent: 'invoice\u202Etxt.exe', saved: 'invoicetxt.exe' },
  { sent: 'con.txt', saved: '_con.txt' },
  { sent: '<script>window.pwned=2</script>', saved: '_script_window.pwned=2_/script_' },
];

test('hostile file names show as inert text and are saved under safe names', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openPeers(2, roomPath('hostile-names'));
  await expectLinked(sender!, 1);
  await sender!.evaluate(
    (paths) => {
      const { share } = window.peerlab as FileShareHandle;
      share(paths.map((path) => ({ file: new Blob([`contents of ${path}`]), path })));
    },
    HOSTILE.map((name) => name.sent),
  );
  await acceptOffer(receiver!);
  for (const { saved } of HOSTILE) {
    await expectComplete(receiver!, saved);
    await expect(receivedRow(receiver!, saved).locator('.name')).toHaveText(saved);
  }
  expect(await storedPaths(receiver!)).toEqual(HOSTILE.map((name) => name.saved).sort());
  // Nothing the names held became markup, and nothing ran.
  await expect(receiver!.locator('#incoming img, #incoming script')).toHaveCount(0);
  expect(await receiver!.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined();
  // The sender's own list shows the names it sent, as text too.
  await expect(sender!.locator('.share .names li').first()).toHaveText(HOSTILE[0]!.sent);
});
