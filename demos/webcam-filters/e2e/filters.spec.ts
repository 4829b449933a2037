import { expect, test } from '@peerlab/testing';
import { chainIds, outputColourfulness, pick, startCamera } from './filters-page.ts';

test('every thumbnail shows its filter on the live camera', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/webcam-filters/');
  await expect(page!.locator('#renderer-notice')).toBeHidden();
  const thumbnails = page!.locator('.thumbnail');
  await expect(thumbnails).toHaveCount(24);
  await expect(page!.locator('.thumbnail:disabled')).toHaveCount(0);
  await startCamera(page!);
  expect(
    await page!.locator('#output').evaluate((c: HTMLCanvasElement) => [c.width, c.height]),
  ).toEqual([640, 480]);
  // Round-robin: a few thumbnails per camera frame, until every one has a picture.
  await expect
    .poll(() =>
      thumbnails.evaluateAll(
        (buttons) =>
          buttons.filter((button) => {
            const canvas = button.querySelector('canvas')!;
            const { data } = canvas
              .getContext('2d')!
              .getImageData(0, 0, canvas.width, canvas.height);
            return data.some((value, i) => i % 4 !== 3 && value > 20);
          }).length,
      ),
    )
    .toBe(24);
});

test('pick a filter, stack a chain, reorder it, tune it, clear it', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/webcam-filters/');
  await startCamera(page!);
  // The fake camera is strongly green; grayscale makes it grey.
  expect(await outputColourfulness(page!)).toBeGreaterThan(30);
  await pick(page!, 'grayscale');
  expect(await chainIds(page!)).toEqual(['grayscale']);
  expect(await outputColourfulness(page!)).toBeLessThan(1);
  await expect(page!.locator('.thumbnail[data-filter-id="grayscale"]')).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Without "Stack", a pick replaces the chain; with it, picks add up.
  await pick(page!, 'sepia');
  expect(await chainIds(page!)).toEqual(['sepia']);
  await page!.locator('#stack').check();
  await pick(page!, 'pixelate');
  await pick(page!, 'vignette');
  expect(await chainIds(page!)).toEqual(['sepia', 'pixelate', 'vignette']);
  await page!.getByRole('button', { name: 'Move Vignette earlier' }).click();
  expect(await chainIds(page!)).toEqual(['sepia', 'vignette', 'pixelate']);
  await page!.getByRole('button', { name: 'Remove Sepia' }).click();
  expect(await chainIds(page!)).toEqual(['vignette', 'pixelate']);

  const size = page!.locator('#chain li[data-filter-id="pixelate"] input[name="size"]');
  await size.fill('30');
  await expect(page!.locator('#chain li[data-filter-id="pixelate"] output')).toHaveText('30');
  const values = await page!.evaluate(() =>
    (window as unknown as { peerlab: { chain: { values: object }[] } }).peerlab.chain.map(
      (e) => e.values,
    ),
  );
  expect(values).toEqual([{ radius: 0.6, softness: 0.4 }, { size: 30 }]);

  await page!.locator('#clear').click();
  expect(await chainIds(page!)).toEqual([]);
  await expect(page!.locator('#chain')).toContainText('No filter yet');
});
