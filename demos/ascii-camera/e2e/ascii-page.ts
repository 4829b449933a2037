import { expect, type Page } from '@peerlab/testing';
import type { AsciiOptions } from '../src/ascii-convert.ts';

/** The frame on screen, as the page's DevTools handle gives it. */
export interface ShownFrame {
  /** The sampled pixels behind the text: one RGBA pixel per character. */
  pixels: number[];
  width: number;
  height: number;
  options: AsciiOptions;
  text: string;
}

/** Waits until the page has rendered a few frames of the camera as text. */
export async function waitForAscii(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(() => (window as unknown as Handle).peerlab.meter.rendered))
    .toBeGreaterThan(3);
}

/** The text in the `<pre>` (what a learner sees and selects). */
export function screenText(page: Page, selector = '#ascii'): Promise<string> {
  return page.locator(selector).evaluate((pre) => pre.textContent ?? '');
}

/** Reads the frame on screen and the pixels and options it was made from. */
export function shownFrame(page: Page): Promise<ShownFrame> {
  return page.evaluate(() => {
    const { sample, frame, options } = (window as unknown as Handle).peerlab.shown!;
    return {
      pixels: [...sample.data],
      width: sample.width,
      height: sample.height,
      options,
      text: frame.text,
    };
  });
}

/** Moves a slider the way a user does: the value changes, then an `input` event fires. */
export async function setSlider(page: Page, id: string, value: number): Promise<void> {
  await page.locator(`#${id}`).evaluate((input: HTMLInputElement, to) => {
    input.value = String(to);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Holds the current frame, so that what follows acts on one frame. */
export async function pause(page: Page): Promise<void> {
  await page.locator('#pause').click();
  await expect(page.locator('#pause')).toHaveAttribute('aria-pressed', 'true');
}

type Handle = {
  peerlab: {
    meter: { rendered: number };
    shown?: { sample: ImageData; frame: { text: string }; options: AsciiOptions };
  };
};
