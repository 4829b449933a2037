import { expect, test } from '@peerlab/testing';
import { outputColourfulness, pick, startCamera } from './filters-page.ts';

const CANVAS2D_FILTERS = [
  'grayscale',
  'sepia',
  'invert',
  'posterize',
  'duotone',
  'pixelate',
  'scanlines',
  'mirror',
];

test('?renderer=canvas2d: a notice, the simple filters only, and they work', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, '/demos/webcam-filters/?renderer=canvas2d');
  await expect(page!.locator('#renderer-notice')).toContainText('Canvas2D mode is on');
  const enabled = await page!
    .locator('.thumbnail:enabled')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-filter-id')));
  expect(enabled.sort()).toEqual([...CANVAS2D_FILTERS].sort());
  await expect(page!.locator('.thumbnail[data-filter-id="twirl"]')).toHaveAttribute(
    'title',
    'Twirl needs WebGL',
  );
  await startCamera(page!);
  await pick(page!, 'grayscale');
  expect(await outputColourfulness(page!)).toBeLessThan(1);
});

test('without WebGL 2 the page falls back to Canvas2D and says why', async ({ openPeers }) => {
  const [page] = await openPeers(1, 'about:blank');
  // As in a browser with WebGL turned off: asking for a webgl2 context gives null.
  await page!.addInitScript(() => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (
      this: HTMLCanvasElement,
      type: string,
      options?: unknown,
    ) {
      return type === 'webgl2' ? null : getContext.call(this, type, options);
    } as typeof getContext;
  });
  await page!.goto('/demos/webcam-filters/');
  await expect(page!.locator('#renderer-notice')).toContainText('This browser has no WebGL 2');
  await expect(page!.locator('.thumbnail:enabled')).toHaveCount(CANVAS2D_FILTERS.length);
  await startCamera(page!);
  await pick(page!, 'invert');
  expect(await outputColourfulness(page!)).toBeGreaterThan(30);
});
