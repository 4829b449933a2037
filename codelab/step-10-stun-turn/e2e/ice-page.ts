import { expect, type Page } from '@peerlab/testing';

export const STEP = '/codelab/step-10-stun-turn/';

/** Ticks or unticks Relay only, clicks Gather candidates, and returns each candidate's type. */
export async function gather(page: Page, relayOnly: boolean): Promise<string[]> {
  await page.locator('#relay-only').setChecked(relayOnly);
  await page.locator('#gather').click();
  await expect(page.locator('#gather-summary')).toContainText('Complete in');
  return page
    .locator('#candidates li')
    .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.type ?? ''));
}

/** Joins the room in the page's URL and waits until the call is connected. */
export async function joinAndConnect(pages: Page[]): Promise<void> {
  for (const page of pages) await page.locator('#join').click();
  for (const page of pages) {
    await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
  }
}

/** What the page shows of the selected candidate pair, and this side's ICE ufrag. */
export async function shownPair(page: Page) {
  const pair = page.locator('#selected-pair');
  return {
    local: await pair.getAttribute('data-local-type'),
    remote: await pair.getAttribute('data-remote-type'),
    id: await pair.getAttribute('data-pair-id'),
    ufrag: await page.locator('#ufrag').textContent(),
  };
}

/** A room name no other test uses. */
export const uniqueRoom = (name: string) => `${name}-${Math.random().toString(36).slice(2, 8)}`;
