import { expect, type Page } from '@peerlab/testing';

/** Clicks "Start camera" and waits until the filtered picture is running. */
export async function startCamera(page: Page): Promise<void> {
  await page.locator('#start').click();
  await expect(page.locator('#start')).toBeHidden();
  await expect(page.locator('#snapshot')).toBeEnabled();
}

/** Clicks a filter's thumbnail. */
export async function pick(page: Page, id: string): Promise<void> {
  await page.locator(`.thumbnail[data-filter-id="${id}"]`).click();
}

/** The filter ids in the chain list, in order. */
export function chainIds(page: Page): Promise<(string | null)[]> {
  return page
    .locator('#chain li[data-filter-id]')
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-filter-id')));
}

/**
 * How far the output is from grey: the mean of |R−G| and |G−B| over every pixel. Renders the
 * current camera frame through the page's chain and reads it back in one go, as a WebGL canvas
 * only holds its picture until the page shows it.
 */
export function outputColourfulness(page: Page): Promise<number> {
  return page.evaluate(() => {
    type Hook = {
      renderer: { render(source: unknown, chain: unknown): void; readPixels(): ImageData };
      chain: unknown;
    };
    const { renderer, chain } = (window as unknown as { peerlab: Hook }).peerlab;
    renderer.render(document.querySelector('#camera'), chain);
    const { data } = renderer.readPixels();
    let sum = 0;
    for (let i = 0; i < data.length; i += 4) {
      sum += (Math.abs(data[i]! - data[i + 1]!) + Math.abs(data[i + 1]! - data[i + 2]!)) / 2;
    }
    return sum / (data.length / 4);
  });
}
