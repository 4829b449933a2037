import { readFile } from 'node:fs/promises';
import { expect, test } from '@peerlab/testing';
import { pick, startCamera } from './filters-page.ts';

test('snapshot: 3-2-1, a flash, and a PNG at the output size', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/webcam-filters/');
  await startCamera(page!);
  await pick(page!, 'invert');
  await page!.locator('#snapshot').click();
  await expect(page!.locator('#countdown')).toHaveText('3');
  await expect(page!.locator('#countdown')).toHaveText('1');
  await expect(page!.locator('#flash')).toHaveClass('flash');
  const link = page!.locator('#downloads a', { hasText: 'Snapshot 1' });
  await expect(link).toHaveAttribute('type', 'image/png');
  const [download] = await Promise.all([page!.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('snapshot-1.png');
  const png = await readFile(await download.path());
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  // The IHDR chunk right after the signature holds width and height.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([640, 480]);
});

test('record: start, stop, and a WebM clip to download', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/webcam-filters/');
  await startCamera(page!);
  await pick(page!, 'thermal');
  // Count the pieces of video the page's MediaRecorder hands over: one a second.
  await page!.evaluate(() => {
    const counter = Object.assign(window, { recordedChunks: 0 });
    window.MediaRecorder = class extends window.MediaRecorder {
      constructor(...args: ConstructorParameters<typeof MediaRecorder>) {
        super(...args);
        this.addEventListener('dataavailable', ({ data }) => {
          if (data.size > 0) counter.recordedChunks++;
        });
      }
    };
  });
  await page!.locator('#record').click();
  await expect(page!.locator('#record')).toHaveText('Stop recording');
  // A clip needs some length: stop once the first second of video is recorded.
  await expect
    .poll(() => page!.evaluate(() => (window as { recordedChunks?: number }).recordedChunks))
    .toBeGreaterThan(0);
  await page!.locator('#record').click();
  const link = page!.locator('#downloads a', { hasText: 'Clip 1' });
  await expect(link).toHaveAttribute('type', 'video/webm');
  const [download] = await Promise.all([page!.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('clip-1.webm');
  const webm = await readFile(await download.path());
  expect(webm.length).toBeGreaterThan(1000);
  expect(webm.subarray(0, 4).toString('hex')).toBe('1a45dfa3'); // the EBML header of WebM
});
