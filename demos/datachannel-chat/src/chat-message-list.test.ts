import type { ChatEntry } from '@peerlab/chat';
import { afterEach, describe, expect, test } from 'vitest';
import './chat-message-list.ts';

afterEach(() => document.body.replaceChildren());

const entries = (count: number, text = (i: number) => `message ${i}`): ChatEntry[] =>
  Array.from({ length: count }, (_, i) => ({
    mine: i % 3 === 0,
    receipts: new Map([['bob-00000000', 'read' as const]]),
    message: {
      type: 'msg',
      id: `id-${String(i).padStart(8, '0')}`,
      author: i % 3 === 0 ? 'me-00000000' : 'bob-00000000',
      nick: i % 3 === 0 ? 'Me' : 'Bob',
      clock: i + 1,
      at: 1_700_000_000_000 + i,
      text: text(i),
    },
  }));

async function mount(list: ChatEntry[]) {
  const element = document.createElement('chat-message-list');
  element.entries = list;
  element.nickOf = () => 'Bob';
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const articles = (element: HTMLElement) => element.shadowRoot!.querySelectorAll('article');

describe('<chat-message-list>', () => {
  test('10,000 messages: only those near the view are in the DOM, the newest among them', async () => {
    const element = await mount(entries(10_000));
    await expect.poll(() => articles(element).length).toBeGreaterThan(0);
    await expect.poll(() => element.shadowRoot!.textContent).toContain('message 9999');
    expect(articles(element).length).toBeLessThan(100);
  });

  test('tells which messages are in view, for read receipts', async () => {
    const seen: string[][] = [];
    const element = document.createElement('chat-message-list');
    element.addEventListener('chat-visible', (event) =>
      seen.push((event as CustomEvent<string[]>).detail),
    );
    element.entries = entries(5);
    document.body.append(element);
    await expect.poll(() => seen.at(-1)).toEqual(entries(5).map((e) => e.message.id));
  });

  test('markup in a message is text; only http(s) links are links', async () => {
    const payload = '<img src=x onerror=alert(1)> javascript:alert(1) https://example.org/';
    const element = await mount(entries(1, () => payload));
    await expect.poll(() => articles(element).length).toBe(1);
    const text = element.shadowRoot!.querySelector('.text')!;
    expect(text.textContent).toBe(payload);
    expect(text.querySelector('img')).toBeNull();
    expect([...text.querySelectorAll('a')].map((a) => a.href)).toEqual(['https://example.org/']);
    expect(element.shadowRoot!.querySelector('.receipts')!.textContent).toBe('read by Bob');
  });

  test('a long message shows a preview until "Show all"', async () => {
    const element = await mount(entries(1, () => 'y'.repeat(50_000)));
    await expect.poll(() => element.shadowRoot!.querySelector('.more')).not.toBeNull();
    expect(element.shadowRoot!.querySelector('.text')!.textContent!.length).toBeLessThan(3_000);
    element.shadowRoot!.querySelector<HTMLButtonElement>('.more')!.click();
    await expect
      .poll(() => element.shadowRoot!.querySelector('.text')!.textContent!.length)
      .toBe(50_000);
  });

  test('no messages: says where they will come from', async () => {
    const element = await mount([]);
    expect(element.shadowRoot!.textContent).toContain('never through the hub');
  });
});
