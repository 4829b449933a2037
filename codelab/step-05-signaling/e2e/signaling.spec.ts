import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-05-signaling/';

/** Opens `count` tabs (separate browser contexts) in `room`, each with its peer id shown. */
async function openRoom(
  openPeers: (count: number, path: string) => Promise<Page[]>,
  count: number,
  room: string,
): Promise<Page[]> {
  const pages = await openPeers(count, `${STEP}?room=${room}`);
  for (const page of pages) await expect(page.locator('#peer-id')).toHaveText(/^peer \w{4}$/);
  return pages;
}

/** Types `text` into the message box of `from` and waits for `to` to show it. */
async function say(from: Page, to: Page, text: string): Promise<void> {
  await from.locator('#message-form input[name=text]').fill(text);
  await from.locator('#message-form input[name=text]').press('Enter');
  const sender = await from.locator('#peer-id').textContent();
  await expect(from.locator('#messages')).toContainText(`You: ${text}`);
  await expect(to.locator('#messages')).toContainText(`${sender}: ${text}`);
}

/** The diagram's arrows for `event`, as text. */
function arrows(page: Page, event: string) {
  return page.locator(`#diagram li[data-event="${event}"]`);
}

test('two tabs in a room see each other and talk both ways; another room hears nothing', async ({
  openPeers,
}) => {
  const [alice, bob] = await openRoom(openPeers, 2, 'talk');
  const [carol] = await openRoom(openPeers, 1, 'elsewhere');
  const aliceId = (await alice!.locator('#peer-id').textContent())!;
  const bobId = (await bob!.locator('#peer-id').textContent())!;

  // Presence: Bob learned about Alice from his join's answer, Alice from `peer-joined`.
  await expect(alice!.locator('#peers li')).toHaveText([bobId]);
  await expect(bob!.locator('#peers li')).toHaveText([aliceId]);
  await expect(alice!.locator('#messages')).toContainText(`${bobId} joined`);

  await say(alice!, bob!, 'hello bob');
  await say(bob!, alice!, 'hello alice');

  // The diagram, in order: Alice joined, got her answer, then heard of Bob; then the relays.
  const events = await alice!
    .locator('#diagram li')
    .evaluateAll((rows) => rows.map((row) => `${row.className} ${row.getAttribute('data-event')}`));
  expect(events).toEqual([
    'out join',
    'in join (answer)',
    'in peer-joined',
    'out relay',
    'in relay',
  ]);
  await expect(arrows(alice!, 'join')).toHaveText(/^You → Hub: join \{"v":1,"room":"talk"\}$/);
  await expect(arrows(alice!, 'join (answer)')).toContainText('"token":"(secret)"');
  await expect(alice!.locator('#diagram li.out[data-event=relay]')).toHaveText(
    'You → Hub → Room: relay {"payload":{"kind":"message","body":"hello bob"}}',
  );
  await expect(alice!.locator('#diagram li.in[data-event=relay]')).toHaveText(
    `Room → Hub → You: relay {"from":"${bobId.slice(5)}","payload":{"kind":"message","body":"hello alice"}}`,
  );

  // Carol, alone in another room, got her answer and nothing else: no relay, no presence.
  await expect(carol!.locator('#diagram li')).toHaveCount(2);
  await expect(arrows(carol!, 'relay')).toHaveCount(0);
  await expect(carol!.locator('#messages li')).toHaveCount(0);
  await expect(carol!.locator('#peers li')).toHaveCount(0);
});

test('a bad message gets a typed error, the room keeps working, and a closed tab leaves', async ({
  openPeers,
}) => {
  const [alice, bob] = await openRoom(openPeers, 2, 'rough');
  await alice!.locator('#bad-message').click();
  const error = alice!.locator('#error');
  await expect(error).toBeVisible();
  await expect(error.locator('code')).toHaveText('invalid-message');
  await expect(error).toContainText('The "relay" message is not valid');
  await expect(arrows(alice!, 'error')).toContainText('"code":"invalid-message"');
  // The server answered the sender alone and relayed nothing.
  await expect(arrows(bob!, 'relay')).toHaveCount(0);

  await say(alice!, bob!, 'still here?');
  await say(bob!, alice!, 'still here.');

  const bobId = (await bob!.locator('#peer-id').textContent())!;
  await bob!.close(); // the tab goes; its page says `leave` on the way out
  await expect(alice!.locator('#messages li').last()).toHaveText(`${bobId} left`);
  await expect(alice!.locator('#peers li')).toHaveCount(0);
  await expect(arrows(alice!, 'peer-left')).toContainText('"reason":"left"');
});

test('when the signaling server is out of reach the page says so, and rejoins as itself', async ({
  openPeers,
}) => {
  const [page] = await openRoom(openPeers, 1, 'alone');
  const peerId = await page!.locator('#peer-id').textContent();
  await page!.context().setOffline(true); // the hub is gone, as far as this page can tell
  await expect(page!.locator('#error code')).toHaveText('no-connection');
  await expect(page!.locator('#error')).toContainText('Is the hub running?');
  await expect(page!.locator('#message-form input[name=text]')).toBeDisabled();

  await page!.context().setOffline(false);
  await expect(page!.locator('#error')).toBeHidden();
  await expect(page!.locator('#message-form input[name=text]')).toBeEnabled();
  // The secret token from the first join got the same peer id back.
  await expect(page!.locator('#peer-id')).toHaveText(peerId!);
  await expect(page!.locator('#diagram li[data-event="join (answer)"]').last()).toContainText(
    '"resumed":true',
  );
});
