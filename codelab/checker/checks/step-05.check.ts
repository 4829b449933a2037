import { check, newRoom, type Tab } from './check-app.ts';
import { click, element, textOf } from './page-elements.ts';
import { waitFor } from './wait-for.ts';

const SEE = 'Two tabs in one room see each other';

/** The other tab's `#peer-id`, and whether `tab`'s `#peers` lists it. */
async function lists(tab: Tab, other: Tab) {
  const otherId = await textOf(other, '#peer-id');
  const listed = await tab.page.locator('#peers li').allTextContents();
  return { otherId, listed, ok: Boolean(otherId) && listed.some((text) => text.includes(otherId)) };
}

/** Two tabs in a new room, each listing the other. */
async function meet(tabs: Tab[]): Promise<void> {
  for (const [tab, other] of [tabs, [...tabs].reverse()] as [Tab, Tab][]) {
    await element(tab, '#peer-id', 'an <output id="peer-id">');
    await waitFor(
      () => lists(tab, other),
      ({ ok }) => ok,
      {
        expected: `${tab.name}'s #peers listing ${other.name}'s #peer-id`,
        got: ({ otherId, listed }) =>
          `${other.name}'s #peer-id is "${otherId}", ${tab.name}'s #peers lists ${JSON.stringify(listed)}`,
        tabs,
      },
    );
  }
}

check(
  SEE,
  {
    hint: 'Read the room from ?room=, connect with io() and emit("join", { v: 1, room }) with an acknowledgement; write the answer’s peerId in #peer-id, and an <li> per peer (the answer’s peers, then each "peer-joined") in #peers, written the same way. See "Join a room" and "Who is here".',
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await meet(tabs);
  },
);

check(
  'A message sent in one tab arrives in the other',
  {
    hint: 'On submit of #message-form, emit("relay", { payload: { kind: "message", body: text } }); on "relay", add an <li> with payload.body to #messages. See "Send to the room" and "Receive".',
    needs: [SEE],
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await meet(tabs);
    const input = await element(
      tabs[0]!,
      '#message-form input[name=text]',
      'an <input name="text"> in #message-form',
    );
    await input.fill('hello from the checker');
    await input.press('Enter');
    await waitFor(
      () => textOf(tabs[1]!, '#messages'),
      (text) => text.includes('hello from the checker'),
      {
        expected: 'tab 2’s #messages showing "hello from the checker", sent from tab 1',
        got: (text) => `tab 2’s #messages shows "${text}"`,
        timeout: 5_000,
        tabs,
      },
    );
  },
);

check(
  'The server’s typed error shows on the page',
  {
    hint: '<button id="bad-message"> emits a relay the server must refuse, such as { payload: { kind: "message" } } (no body); socket.on("error", ({ code, message }) => …) shows both in #error. See "Errors, and one bad message on purpose".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1, { query: `?room=${newRoom()}` });
    await click(tab!, '#bad-message', 'the "Send a bad message" button, id="bad-message"');
    await waitFor(
      () => textOf(tab!, '#error'),
      (text) => /invalid-message|unknown-event/.test(text),
      {
        expected: '#error showing the code the server answered: invalid-message',
        got: (text) => (text ? `#error says "${text}"` : '#error is empty'),
        timeout: 5_000,
        tabs: [tab!],
      },
    );
  },
);

check(
  'A third tab in the same room is told it is full',
  {
    hint: 'When the join’s answer says ok: false, show its error.code (room-full) and message in #error. See "Join a room".',
    needs: [SEE],
  },
  async ({ openTabs }) => {
    const room = `?room=${newRoom()}`;
    const tabs = await openTabs(2, { query: room });
    await meet(tabs);
    const [third] = await openTabs(1, { query: room, firstNumber: 3 });
    await waitFor(
      () => textOf(third!, '#error'),
      (text) => text.includes('room-full'),
      {
        expected: 'tab 3’s #error showing room-full',
        got: (text) => (text ? `#error says "${text}"` : '#error is empty'),
        timeout: 5_000,
      },
    );
  },
);

check(
  'Closing a tab tells the other tab at once',
  {
    hint: 'addEventListener("pagehide", () => socket.emit("leave")): without it the hub only says "peer-left" once its grace period for dropped connections (5 s) is over. On "peer-left", take that peer off #peers. See "Leave when the tab closes".',
    needs: [SEE],
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await meet(tabs);
    const leaving = await textOf(tabs[1]!, '#peer-id');
    await tabs[1]!.page.close();
    // Under the hub's 5 s grace period: only a "leave" sent on the way out is this fast.
    await waitFor(
      () => tabs[0]!.page.locator('#peers li').allTextContents(),
      (listed) => !listed.some((text) => text.includes(leaving)),
      {
        expected: `tab 1’s #peers without tab 2 (${leaving}) once tab 2 closed`,
        got: (listed) => `#peers still lists ${JSON.stringify(listed)}`,
        timeout: 3_000,
      },
    );
  },
);
