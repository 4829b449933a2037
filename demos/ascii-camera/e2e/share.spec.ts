import { expect, test, type Page } from '@peerlab/testing';
import { screenText, waitForAscii } from './ascii-page.ts';

async function join(page: Page, room: string): Promise<void> {
  await page.locator('#room').fill(room);
  await page.locator('#join').click();
}

/** The raw bytes/s a rate readout shows. */
function rate(page: Page, id: string): Promise<number> {
  return page
    .locator(`#${id}`)
    .evaluate((output: HTMLElement) => Number(output.dataset.bytesPerSecond ?? 0));
}

test('two peers: each shows the other as changing text, and both bytes/s are counted', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/ascii-camera/');
  await waitForAscii(alice!);
  await join(alice!, 'ascii-share');
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await join(bob!, 'ascii-share');
  await expect(bob!.locator('#status')).toHaveAttribute('state', 'connected');
  await expect(bob!.locator('#remote')).toBeVisible();

  // Bob sees Alice's frames: a full 160 × 60 grid, changing as her camera's pattern moves.
  await expect
    .poll(async () => (await screenText(bob!, '#remote-ascii')).split('\n').length)
    .toBe(60);
  const seen = new Set<string>();
  await expect
    .poll(async () => seen.add(await screenText(bob!, '#remote-ascii')).size, { intervals: [100] })
    .toBeGreaterThanOrEqual(4);
  expect([...seen].at(-1)!.split('\n')[0]).toHaveLength(160);

  // Both ways of sending the camera cost something, measured on both sides.
  for (const [page, ids] of [
    [alice!, ['text-sent', 'video-sent', 'text-received', 'video-received']],
    [bob!, ['text-received', 'video-received', 'text-sent', 'video-sent']],
  ] as const) {
    for (const id of ids)
      await expect.poll(() => rate(page, id), { message: id }).toBeGreaterThan(0);
  }
  await expect(alice!.locator('#text-sent')).toHaveText(/^\d+\.\d kB\/s · \d+ kbit\/s$/);

  await bob!.locator('#leave').click();
  await expect(alice!.locator('#remote')).toBeHidden();
  await expect(bob!.locator('#text-sent')).toHaveText('—');
});
