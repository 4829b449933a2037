import { callStates, expect, type Page } from '@peerlab/testing';

/** What a learner does: type a room name (and a room size, to create a smaller room), click Join. */
export async function join(page: Page, room: string, size?: number): Promise<void> {
  await page.locator('#room').fill(room);
  if (size !== undefined) await page.locator('#size').fill(String(size));
  await page.locator('#join').click();
}

/** Waits until every call on the page is `connected` and `count` remote peers are present. */
export async function expectConnected(page: Page, count = 1): Promise<void> {
  await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
  await expect.poll(() => callStates(page)).toEqual(Array(count).fill('connected'));
}

/** Sends a chat line and waits for `to` to show it. */
export async function chat(from: Page, to: Page, text: string): Promise<void> {
  await from.locator('#chat-input').fill(text);
  await from.locator('#chat-input').press('Enter');
  await expect(to.locator('#chat-log')).toContainText(text);
}

/** Waits until the page shows its own camera: from then on, every call it makes sends it. */
export async function expectCameraOn(page: Page): Promise<void> {
  await expect
    .poll(() =>
      page.locator('#local video').evaluate((video: HTMLVideoElement) => video.videoWidth),
    )
    .toBeGreaterThan(0);
}
