import { expect, test, type Page } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, historyOf, join, say, textsOf } from './chat-page.ts';
import { XSS_PAYLOADS } from './xss-payloads.ts';

/** Records every payload that runs (each calls `__xss(n)`) and every dialog that opens. */
async function watchForScript(page: Page): Promise<number[]> {
  const ran: number[] = [];
  await page.exposeFunction('__xss', (n: number) => ran.push(n));
  page.on('dialog', (dialog) => {
    ran.push(-1);
    void dialog.dismiss();
  });
  return ran;
}

test('20 script payloads in messages, nicknames and room names stay inert text', async ({
  openPeers,
}) => {
  const [ada, bob, carol] = await openPeers(3, CHAT_PATH);
  const ran = (await Promise.all([ada!, bob!, carol!].map(watchForScript))).flat();
  const [adaNick, bobNick] = [XSS_PAYLOADS[1]!, XSS_PAYLOADS[2]!]; // 32 characters at most
  await join(ada!, 'xss-check', adaNick);
  await join(bob!, 'xss-check', bobNick);
  await expectGreeted(ada!, 1);

  await bob!.locator('#text').fill('typing…'); // the typing line names Bob
  await expect(ada!.locator('#typing')).toHaveText(`${bobNick} is typing…`);
  for (const payload of XSS_PAYLOADS) await say(ada!, payload);
  await expect.poll(() => textsOf(bob!)).toEqual(XSS_PAYLOADS);

  const list = bob!.locator('chat-message-list');
  // What shows is the text as written: the last messages in view, nickname and all.
  await expect(list.locator('article').last()).toContainText(XSS_PAYLOADS.at(-1)!);
  await expect(list.locator('article').last().locator('.nick')).toHaveText(adaNick);
  await expect(bob!.locator('chat-peer-list li').first()).toContainText(adaNick);
  await expect(ada!.locator('chat-peer-list li').first()).toContainText(bobNick);
  // No element came out of any message: no image, frame, script or form field; the one link is
  // the https URL, cut where the quote begins.
  // Each message, scrolled into view in turn (the list keeps only those near the view).
  for (const [index, { id, text }] of (await historyOf(bob!)).entries()) {
    await list.evaluate((element, i) => {
      type Virtualizer = { element(i: number): { scrollIntoView(): void } };
      (element.shadowRoot!.querySelector('lit-virtualizer') as unknown as Virtualizer)
        .element(i)
        .scrollIntoView();
    }, index);
    await expect(list.locator(`article[data-id="${id}"] .text`)).toHaveText(text);
  }
  const made = await list.evaluate((element) =>
    [...element.shadowRoot!.querySelectorAll('article *')].map((node) => node.localName),
  );
  expect(new Set(made)).toEqual(new Set(['header', 'span', 'time', 'p', 'a']));
  const hrefs = await list
    .locator('article a')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href')));
  expect(hrefs.every((href) => href === 'https://example.org/')).toBe(true);

  // Room names: each payload in the link is shown as text in the box and refused by its rule.
  for (const payload of XSS_PAYLOADS) {
    await carol!.goto(`${CHAT_PATH}?room=${encodeURIComponent(payload)}`);
    await expect(carol!.locator('#room')).toHaveValue(payload.slice(0, 64));
    await carol!.locator('#nick').fill(payload.slice(0, 32));
    await carol!.locator('#join').click();
    await expect(carol!.locator('pl-error [part=title]')).toHaveText(
      'That room name will not work',
    );
  }
  expect(ran).toEqual([]);
});
