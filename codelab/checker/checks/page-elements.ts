import type { Page } from '@peerlab/testing';
import type { Tab } from './page-report.ts';
import { fail, waitFor } from './wait-for.ts';
import { patience } from './patience.ts';

type Locator = ReturnType<Page['locator']>;

/** The ids of the page's elements, to say what is there when something is missing. */
async function pageIds(tab: Tab): Promise<string> {
  const ids = await tab.page.evaluate(() =>
    [...document.querySelectorAll('[id]')].map((element) => `#${element.id}`),
  );
  return ids.length ? `its ids are ${ids.slice(0, 20).join(', ')}` : 'no element has an id';
}

/**
 * The element at `selector`, once it is on the page (up to 5 s: the app may add it); fails
 * with what is there instead. `what` names it for the learner: "a <button id=\"start\">".
 */
export async function element(tab: Tab, selector: string, what: string): Promise<Locator> {
  const found = tab.page.locator(selector);
  try {
    await found.first().waitFor({ state: 'attached', timeout: patience(5_000) });
  } catch {
    await fail(
      `${what} (${selector}) in ${tab.name}`,
      `nothing matches ${selector}: ${await pageIds(tab)}`,
    );
  }
  return found.first();
}

/** Clicks `selector` once it is enabled; fails saying why it could not. */
export async function click(tab: Tab, selector: string, what: string): Promise<void> {
  const target = await element(tab, selector, what);
  try {
    await target.click({ timeout: patience(5_000) });
  } catch {
    const state = await target.evaluate((node) =>
      (node as HTMLButtonElement).disabled ? 'it stays disabled' : 'it cannot be clicked (hidden?)',
    );
    await fail(`to click ${what} (${selector}) in ${tab.name}`, state);
  }
}

/** The text of `selector` (its light DOM and shadow root), trimmed; '' if it is not there. */
export async function textOf(tab: Tab, selector: string): Promise<string> {
  if (tab.page.isClosed()) return '';
  return tab.page.evaluate((selector) => {
    const node = document.querySelector(selector);
    const shadow = node?.shadowRoot?.textContent ?? '';
    return `${node?.textContent ?? ''} ${shadow}`.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** Waits (up to 5 s) for `#error` in `tab` to say the camera permission was denied. */
export async function expectCameraDenied(tab: Tab): Promise<void> {
  await waitFor(
    () => textOf(tab, '#error'),
    (text) => /permission|denied/i.test(text),
    {
      expected: `${tab.name}’s #error saying the camera permission was denied`,
      got: (text) => (text ? `#error says "${text}"` : '#error is empty, or missing'),
      timeout: 5_000,
      tabs: [tab],
    },
  );
}
