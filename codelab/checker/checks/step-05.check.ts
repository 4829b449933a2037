import { expect } from '@peerlab/testing';
import { appPath, check } from './check-app.ts';

/** A room name no other check uses, so each check starts in an empty room. */
const newRoom = () => `check-${Math.random().toString(36).slice(2, 8)}`;

check(
  'Two tabs in one room see each other',
  'Read the room from the link (?room=NAME). Connect with io() from socket.io-client and emit("join", { v: 1, room }, ack); write the ack’s peerId in <output id="peer-id">, and put one <li> per other peer (from the ack’s peers and from each "peer-joined") in <ul id="peers">, its id written the same way as in #peer-id.',
  async ({ openPeers }) => {
    const [first, second] = await openPeers(2, `${appPath}?room=${newRoom()}`);
    for (const [page, other] of [
      [first!, second!],
      [second!, first!],
    ] as const) {
      // Polled together: #peer-id may say something else until the join is answered.
      const listsOther = async () => {
        const otherId = (await other.locator('#peer-id').textContent())?.trim();
        const listed = await page.locator('#peers li').allTextContents();
        return Boolean(otherId) && listed.some((text) => text.includes(otherId!));
      };
      await expect
        .poll(listsOther, { message: 'each tab lists the other’s #peer-id in #peers' })
        .toBe(true);
    }
  },
);

check(
  'A message sent in one tab arrives in the other',
  'On submit of <form id="message-form"> (with an <input name="text">), emit("relay", { payload: { kind: "message", body: text } }). On socket.on("relay", ({ from, payload }) => …), add an <li> with payload.body to <ol id="messages">.',
  async ({ openPeers }) => {
    const [first, second] = await openPeers(2, `${appPath}?room=${newRoom()}`);
    await expect(first!.locator('#peers li')).toHaveCount(1);
    const input = first!.locator('#message-form input[name=text]');
    await input.fill('hello from the checker');
    await input.press('Enter');
    await expect(second!.locator('#messages')).toContainText('hello from the checker');
  },
);

check(
  'The server’s typed error shows on the page',
  'Add <button id="bad-message"> that emits a relay the server must refuse, such as { payload: { kind: "message" } } (no body). Listen with socket.on("error", ({ code, message }) => …) and show the code and message in the element with id="error".',
  async ({ openPeers }) => {
    const [page] = await openPeers(1, `${appPath}?room=${newRoom()}`);
    await page!.locator('#bad-message').click();
    await expect(page!.locator('#error')).toContainText(/invalid-message|unknown-event/);
  },
);
