import { expect } from '@peerlab/testing';
import { check, openApp } from './check-app.ts';

check(
  'Text typed on one peer arrives on the other, both ways',
  'Give each side a <form id="peer1"> / <form id="peer2"> with an <input name="text"> and an <ol class="messages">. pc1.createDataChannel("chat") on one side, pc2.ondatachannel on the other; on submit, channel.send(text); on "message", add an <li> to the other side’s list.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    for (const [from, to, text] of [
      ['#peer1', '#peer2', 'hello pc2'],
      ['#peer2', '#peer1', 'hello pc1'],
    ] as const) {
      await expect(page.locator(`${from} button[type=submit]`)).toBeEnabled();
      await page.locator(`${from} input[name=text]`).fill(text);
      await page.locator(`${from} input[name=text]`).press('Enter');
      await expect(page.locator(`${to} .messages`)).toContainText(text);
    }
  },
);

check(
  'The Delivery list switches to an unreliable channel',
  'Add <select id="mode"> with an option value="unreliable"; when chosen, close the channel and create a new one with { ordered: false, maxRetransmits: 0 }. Messages still arrive on a good network.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#mode').selectOption('unreliable');
    await expect(page.locator('#peer1 button[type=submit]')).toBeEnabled();
    await page.locator('#peer1 input[name=text]').fill('unreliable hello');
    await page.locator('#peer1 input[name=text]').press('Enter');
    await expect(page.locator('#peer2 .messages')).toContainText('unreliable hello');
  },
);
