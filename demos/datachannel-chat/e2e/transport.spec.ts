import { expect, test, type Page } from '@peerlab/testing';
import {
  CHAT_PATH,
  counterOf,
  expectGreeted,
  join,
  say,
  textsOf,
  type ChatHandle,
} from './chat-page.ts';

/** SHA-256 of the text of the last message in the page's history, in hex. */
function lastDigest(page: Page): Promise<string | undefined> {
  return page.evaluate(async () => {
    const text = (window.peerlab as ChatHandle).chat?.log.entries.at(-1)?.message.text;
    if (text === undefined) return undefined;
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  });
}

test('a 1 MB paste, larger than maxMessageSize, arrives byte-identical', async ({ openPeers }) => {
  const [ada, bob] = await openPeers(2, CHAT_PATH);
  await join(ada!, 'big-check', 'Ada');
  await join(bob!, 'big-check', 'Bob');
  await expectGreeted(ada!, 1);
  const maxMessageSize = await ada!.evaluate(
    () => [...window.peerlab!.call!.sessions.values()][0]!.pc.sctp!.maxMessageSize,
  );
  // 1,000,000 characters from all over Unicode, put in the box as a paste would (`fill` types).
  const length = await ada!.evaluate(() => {
    const pieces = ['a', 'é', '✓', '你', '🙂', '\n', '"', '\\', '<b>'];
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += pieces[(i * 7) % pieces.length];
    const box = document.querySelector<HTMLTextAreaElement>('#text')!;
    box.value = `${text.slice(0, 999_999)}Z`;
    box.dispatchEvent(new Event('input'));
    return box.value.length;
  });
  expect(length).toBe(1_000_000);
  expect(new TextEncoder().encode('x'.repeat(length)).byteLength).toBeGreaterThan(maxMessageSize);
  await ada!.locator('#send').click();
  await expect.poll(() => lastDigest(bob!)).toBe(await lastDigest(ada!));
  expect((await textsOf(bob!)).at(-1)!.length).toBe(1_000_000);
  await expect(bob!.locator('article').last()).toContainText('Show all 1,000,000 characters');
});

test('unreliable mode delivers, and the receiver counts what the (simulated) loss took', async ({
  openPeers,
}) => {
  const [ada, bob] = await openPeers(2, CHAT_PATH);
  await join(ada!, 'lossy-check', 'Ada');
  await join(bob!, 'lossy-check', 'Bob');
  await expectGreeted(ada!, 1);
  await ada!.locator('input[name=mode][value=unreliable]').check();
  await ada!.locator('#loss').fill('50');
  await expect(ada!.locator('#loss-value')).toHaveText('50 %');
  for (let i = 0; i < 40; i++) await say(ada!, `datagram ${i}`);
  await ada!.locator('#loss').fill('0');
  await say(ada!, 'the last one');
  await expect.poll(async () => (await textsOf(bob!)).at(-1)).toBe('the last one');

  const received = Number(await counterOf(bob!, 'Ada', 'unreliable-received').textContent());
  const lost = Number(await counterOf(bob!, 'Ada', 'unreliable-lost').textContent());
  await expect(counterOf(ada!, 'Bob', 'unreliable-sent')).toHaveText('41');
  expect(received + lost).toBe(41);
  expect(lost).toBeGreaterThan(0);
  expect(await textsOf(bob!)).toHaveLength(received); // what was lost is not there
  // Back to reliable: every message again, in order.
  await ada!.locator('input[name=mode][value=reliable]').check();
  await say(ada!, 'reliable again');
  await expect.poll(async () => (await textsOf(bob!)).at(-1)).toBe('reliable again');
  await expect(counterOf(bob!, 'Ada', 'reliable-received')).toHaveText('1');
});
