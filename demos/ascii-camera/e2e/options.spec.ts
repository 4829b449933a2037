import { expect, test, type Page } from '@peerlab/testing';
import { asciiConvert, type AsciiOptions } from '../src/ascii-convert.ts';
import { RAMPS } from '../src/ramps.ts';
import { pause, screenText, setSlider, shownFrame, waitForAscii } from './ascii-page.ts';

/** The text the pure function makes of the pixels the page sampled, with `options`. */
function expected(
  frame: { pixels: number[]; width: number; height: number },
  options: AsciiOptions,
) {
  return asciiConvert(new Uint8ClampedArray(frame.pixels), frame.width, frame.height, options).text;
}

async function openPaused(page: Page) {
  await waitForAscii(page);
  await pause(page);
  return shownFrame(page);
}

test('each control changes the text exactly as asciiConvert says, on the same pixels', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  const held = await openPaused(page!);
  const defaults: AsciiOptions = {
    ramp: RAMPS.standard,
    brightness: 0,
    contrast: 1,
    gamma: 1,
    invert: false,
    mirror: true,
    color: false,
  };
  expect(held.options).toEqual(defaults);
  expect(await screenText(page!)).toBe(expected(held, held.options));

  const steps: [string, () => Promise<unknown>, Partial<AsciiOptions>][] = [
    ['invert', () => page!.locator('#invert').check(), { invert: true }],
    ['short ramp', () => page!.locator('#ramp').selectOption('short'), { ramp: RAMPS.short }],
    ['blocks ramp', () => page!.locator('#ramp').selectOption('blocks'), { ramp: RAMPS.blocks }],
    ['binary ramp', () => page!.locator('#ramp').selectOption('binary'), { ramp: RAMPS.binary }],
    ['custom ramp', () => page!.locator('#custom-ramp').fill('ab'), { ramp: 'ab' }],
    ['brightness', () => setSlider(page!, 'brightness', 0.3), { brightness: 0.3 }],
    ['contrast', () => setSlider(page!, 'contrast', 2), { contrast: 2 }],
    ['gamma', () => setSlider(page!, 'gamma', 0.5), { gamma: 0.5 }],
    ['mirror off', () => page!.locator('#mirror').uncheck(), { mirror: false }],
    ['invert off', () => page!.locator('#invert').uncheck(), { invert: false }],
  ];
  let options = defaults;
  let before = await screenText(page!);
  for (const [name, act, change] of steps) {
    await act();
    options = { ...options, ...change };
    const after = await shownFrame(page!);
    // Pause holds the camera frame: only the options changed, not the pixels.
    expect(after.pixels, name).toEqual(held.pixels);
    expect(after.options, name).toEqual(options);
    const text = await screenText(page!);
    expect(text, name).toBe(expected(held, options));
    expect(text, name).not.toBe(before);
    before = text;
  }
  expect(new Set(before.replaceAll('\n', ''))).toEqual(new Set(['a', 'b']));
});

test('colour mode draws on a canvas, from the same characters', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  const held = await openPaused(page!);
  await page!.locator('#color').check();
  await expect(page!.locator('#ascii-canvas')).toBeVisible();
  await expect(page!.locator('#ascii')).toBeHidden();
  const frame = await page!.evaluate(() => {
    const shown = (
      window as unknown as {
        peerlab: { shown: { frame: { text: string; colors?: Uint8ClampedArray } } };
      }
    ).peerlab.shown;
    return { text: shown.frame.text, colors: [...(shown.frame.colors ?? [])] };
  });
  expect(frame.text).toBe(expected(held, held.options));
  // Each character's colour is its own pixel's, mirrored like the text.
  const column = 10;
  const source = (held.width - 1 - column) * 4;
  expect(frame.colors.slice(column * 4, column * 4 + 3)).toEqual(
    held.pixels.slice(source, source + 3),
  );
  // The canvas shows it: not the background everywhere.
  const painted = await page!.locator('#ascii-canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 1]! > 60) count++;
    return count;
  });
  expect(painted).toBeGreaterThan(1000);
});

test('a ramp that cannot work says why, and the last good one stays', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/ascii-camera/');
  const held = await openPaused(page!);
  await page!.locator('#custom-ramp').fill('');
  await expect(page!.locator('#ramp')).toHaveValue('custom');
  await expect(page!.locator('#ramp-problem')).toHaveText(/ramp is empty/);
  expect(await screenText(page!)).toBe(expected(held, held.options));
  await page!.locator('#custom-ramp').fill('.😀');
  await expect(page!.locator('#ramp-problem')).toHaveText(/too wide/);
  await page!.locator('#custom-ramp').fill('.#');
  await expect(page!.locator('#ramp-problem')).toHaveText('');
  expect(await screenText(page!)).toBe(expected(held, { ...held.options, ramp: '.#' }));
});
