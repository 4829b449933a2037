import { afterEach, describe, expect, test } from 'vitest';
import './chat-peer-list.ts';
import type { PeerRow } from './chat-peer-list.ts';
import { PATH_WORDS } from './peer-path.ts';

afterEach(() => document.body.replaceChildren());

const row = (overrides: Partial<PeerRow>): PeerRow => ({
  peerId: 'peer-abcdefgh',
  nick: 'Bob',
  path: 'direct',
  queued: 0,
  counters: {
    reliable: { sent: 3, received: 2 },
    unreliable: { sent: 9, received: 7, lost: 2 },
    rejected: 0,
  },
  ...overrides,
});

async function mount(rows: PeerRow[]) {
  const element = document.createElement('chat-peer-list');
  element.rows = rows;
  document.body.append(element);
  await element.updateComplete;
  return element.shadowRoot!;
}

describe('<chat-peer-list>', () => {
  test('shows each peer: name, path and counters', async () => {
    const root = await mount([
      row({}),
      row({ peerId: 'peer-zzzzzzzz', nick: undefined, path: 'relay', queued: 4 }),
    ]);
    const items = [...root.querySelectorAll('li')];
    expect(items[0]!.textContent).toMatch(/Bob\s+peer to peer/);
    expect(items[0]!.querySelector('[data-counter="unreliable-lost"]')!.textContent).toBe('2');
    expect(items[1]!.textContent).toMatch(/Peer peer\s+relayed through TURN/);
    expect(items[1]!.querySelector('[data-counter="queued"]')!.textContent).toBe('4');
  });

  test('a failed call says what to do; a reconnecting one says messages wait', async () => {
    const root = await mount([row({ path: 'failed' }), row({ path: 'reconnecting' })]);
    const advice = [...root.querySelectorAll('.advice')].map((p) => p.textContent);
    expect(advice).toEqual([PATH_WORDS.failed.advice, PATH_WORDS.reconnecting.advice]);
  });

  test('alone: says to share the link', async () => {
    expect((await mount([])).textContent).toContain('share the link');
  });
});
