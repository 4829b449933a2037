import { expect, type Page } from '@peerlab/testing';

/** What a learner does: type a room name, click Join. */
export async function join(page: Page, room: string): Promise<void> {
  await page.locator('#room').fill(room);
  await page.locator('#join').click();
}

/** Waits until every call on the page is `connected` and `count` remote peers are present. */
export async function expectConnected(page: Page, count = 1): Promise<void> {
  await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
  await expect
    .poll(() =>
      page.evaluate(() => {
        type Sessions = Map<string, { connectionState: string }>;
        const call = (window as unknown as { peerlab: { call?: { sessions: Sessions } } }).peerlab
          .call;
        return [...(call?.sessions.values() ?? [])].map((session) => session.connectionState);
      }),
    )
    .toEqual(Array(count).fill('connected'));
}

/** Sends a chat line and waits for `to` to show it. */
export async function chat(from: Page, to: Page, text: string): Promise<void> {
  await from.locator('#chat-input').fill(text);
  await from.locator('#chat-input').press('Enter');
  await expect(to.locator('#chat-log')).toContainText(text);
}

/** The peer id this page got from the hub. */
export function peerIdOf(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      (window as unknown as { peerlab: { call: { signaling: { peerId: string } } } }).peerlab.call
        .signaling.peerId,
  );
}
