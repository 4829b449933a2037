import { readFile } from 'node:fs/promises';
import { expect, test } from '@peerlab/testing';
import { pause, screenText, waitForAscii } from './ascii-page.ts';

test('Download .txt and Copy give exactly the text on screen', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  // Granting replaces the context's permissions: keep the camera in the list.
  await page!.context().grantPermissions(['clipboard-read', 'clipboard-write', 'camera']);
  await waitForAscii(page!);
  await pause(page!);
  const text = await screenText(page!);

  const [download] = await Promise.all([
    page!.waitForEvent('download'),
    page!.locator('#download-txt').click(),
  ]);
  expect(download.suggestedFilename()).toBe('ascii-camera.txt');
  expect(await readFile((await download.path())!, 'utf8')).toBe(text);

  await page!.locator('#copy').click();
  await expect(page!.locator('#export-status')).toHaveText(`Copied ${text.length} characters.`);
  expect(await page!.evaluate(() => navigator.clipboard.readText())).toBe(text);
});

test('Download PNG draws the frame: a PNG the size of the grid of cells', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  await waitForAscii(page!);
  await pause(page!);
  const [download] = await Promise.all([
    page!.waitForEvent('download'),
    page!.locator('#download-png').click(),
  ]);
  expect(download.suggestedFilename()).toBe('ascii-camera.png');
  const png = await readFile((await download.path())!);
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const cell = await page!.evaluate(() => {
    type Modules = {
      TextCanvas: new (canvas: OffscreenCanvas) => { cell: { width: number; height: number } };
    };
    const { TextCanvas } = (window as unknown as { peerlab: { modules: Modules } }).peerlab.modules;
    return new TextCanvas(new OffscreenCanvas(1, 1)).cell;
  });
  // The IHDR chunk holds the width and height, big-endian, right after the signature.
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([
    Math.ceil(160 * cell.width),
    Math.ceil(60 * cell.height),
  ]);
});

test('when the clipboard is refused, Copy says what to do instead', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  // As a browser does when the user or a policy said no.
  await page!.evaluate(() => {
    navigator.clipboard.writeText = () =>
      Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await waitForAscii(page!);
  await page!.locator('#copy').click();
  await expect(page!.locator('#export-status')).toHaveText(/select the text and press Ctrl\+C/);
});
