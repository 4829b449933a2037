import { expect, test } from '@peerlab/testing';
import { gridSize } from '../src/grid-size.ts';
import { screenText, setSlider, waitForAscii } from './ascii-page.ts';

/** [columns, rows] of the text: every line must have the same length. */
function shape(text: string): [number, number] {
  const lines = text.split('\n');
  expect(new Set(lines.map((line) => line.length)).size).toBe(1);
  return [lines[0]!.length, lines.length];
}

test('the grid has the chosen columns and the rows the video shape asks for', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  await waitForAscii(page!);
  expect(shape(await screenText(page!))).toEqual([160, 60]);
  for (const columns of [100, 40, 240]) {
    await setSlider(page!, 'columns', columns);
    const { rows } = gridSize(columns, 640, 480);
    await expect.poll(async () => shape(await screenText(page!))).toEqual([columns, rows]);
    await expect(page!.locator('output[for="columns"]')).toHaveText(String(columns));
  }
});

test('frames change over time, and the readout says how fast', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  await waitForAscii(page!);
  // The fake camera's pattern moves: the text follows it, frame after frame.
  const seen = new Set<string>();
  await expect
    .poll(async () => seen.add(await screenText(page!)).size, { intervals: [100] })
    .toBeGreaterThanOrEqual(4);
  await expect(page!.locator('#fps')).toHaveText(/^\d+ fps · \d+\.\d\d ms per frame/);
  // It counts the frames of each second: the first one (the camera starting) or a busy one
  // counts fewer, so wait for a second of 10 or more.
  await expect
    .poll(async () => Number((await page!.locator('#fps').textContent())!.split(' ')[0]))
    .toBeGreaterThanOrEqual(10);
});
