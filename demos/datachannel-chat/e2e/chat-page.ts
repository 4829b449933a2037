import type { ChatRoom } from '@peerlab/chat';
import { callStates, expect, type Page } from '@peerlab/testing';

/** This page's part of `window.peerlab`, the page handle, besides the shared `call`. */
export type ChatHandle = { chat?: ChatRoom };

export const CHAT_PATH = '/demos/datachannel-chat/';

/** What a person does: a room, a name (and a size, to create a room of that size), Join. */
export async function join(page: Page, room: string, nick: string, size?: number): Promise<void> {
  await page.locator('#room').fill(room);
  await page.locator('#nick').fill(nick);
  if (size !== undefined) await page.locator('#size').fill(String(size));
  await page.locator('#join').click();
  await expect(page.locator('#text')).toBeEnabled();
}

/** Waits until the page has `count` peers, each connected and greeted (their hello came). */
export async function expectGreeted(page: Page, count: number): Promise<void> {
  await expect.poll(() => callStates(page)).toEqual(Array(count).fill('connected'));
  await expect
    .poll(() =>
      page.evaluate(() => {
        const { chat } = window.peerlab as ChatHandle;
        return [...(chat?.links.values() ?? [])].filter((link) => link.hello && link.isOpen).length;
      }),
    )
    .toBe(count);
}

/** Types a message and presses Enter. */
export async function say(page: Page, text: string): Promise<void> {
  await page.locator('#text').fill(text);
  await page.locator('#text').press('Enter');
}

export interface Shown {
  id: string;
  nick: string;
  text: string;
}

/** The page's whole history in order, from the page handle (the list shows only what fits). */
export function historyOf(page: Page): Promise<Shown[]> {
  return page.evaluate(() =>
    ((window.peerlab as ChatHandle).chat?.log.entries ?? []).map(({ message }) => ({
      id: message.id,
      nick: message.nick,
      text: message.text,
    })),
  );
}

/** The texts in the page's history, in order. */
export async function textsOf(page: Page): Promise<string[]> {
  return (await historyOf(page)).map((shown) => shown.text);
}

/** The counters of the page's peer list row for the peer called `nick`. */
export function counterOf(page: Page, nick: string, counter: string) {
  return page
    .locator('chat-peer-list li', { hasText: nick })
    .locator(`[data-counter="${counter}"]`);
}
