import { check, type Tab } from './check-app.ts';
import { element, textOf } from './page-elements.ts';
import { probe } from './page-report.ts';
import { waitFor } from './wait-for.ts';

const BOTH_WAYS = 'Text typed on one peer arrives on the other, both ways';

/** Types `text` in `from`'s form and waits for it in `to`'s list of messages. */
async function send(tab: Tab, from: string, to: string, text: string): Promise<void> {
  const button = await element(tab, `${from} button[type=submit]`, `a submit button in ${from}`);
  await waitFor(() => button.isEnabled(), Boolean, {
    expected: `the Send button of ${from} enabled once its channel is open`,
    got: () => 'it stays disabled',
    tabs: [tab],
  });
  const input = await element(tab, `${from} input[name=text]`, `an <input name="text"> in ${from}`);
  await input.fill(text);
  await input.press('Enter');
  await waitFor(
    () => textOf(tab, `${to} .messages`),
    (shown) => shown.includes(text),
    {
      expected: `"${text}" in ${to} .messages`,
      got: (shown) => `${to} .messages shows "${shown}"`,
      timeout: 5_000,
      tabs: [tab],
    },
  );
}

check(
  BOTH_WAYS,
  {
    hint: 'pc1.createDataChannel(…) on one side, pc2.ondatachannel on the other; on submit of #peer1 or #peer2, channel.send(text); on "message", add an <li> to that side’s <ol class="messages">. See "Use a channel".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await send(tab!, '#peer1', '#peer2', 'hello pc2');
    await send(tab!, '#peer2', '#peer1', 'hello pc1');
  },
);

check(
  'The Delivery list switches to an unreliable channel',
  {
    hint: 'When <select id="mode"> says "unreliable", close the channel and create a new one with { ordered: false, maxRetransmits: 0 }. See "Create the channel".',
    needs: [BOTH_WAYS],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await (await element(tab!, '#mode', 'a <select id="mode">')).selectOption('unreliable');
    const channels = async () => (await probe(tab!))?.connections.flatMap((c) => c.channels) ?? [];
    await waitFor(channels, (made) => made.some((c) => !c.ordered && c.maxRetransmits === 0), {
      expected: 'a data channel created with { ordered: false, maxRetransmits: 0 }',
      got: (made) => `the channels created: ${JSON.stringify(made)}`,
      timeout: 5_000,
    });
    await send(tab!, '#peer1', '#peer2', 'unreliable hello');
  },
);
