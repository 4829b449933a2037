import { expect, inboundVideoStats, test, type Page } from '@peerlab/testing';
import { gather, joinAndConnect, shownPair, STEP, uniqueRoom } from './ice-page.ts';

// The hub of this file hands out no ICE servers at all, as `npm start` does by default.

test('without TURN: host candidates only, and the page says how to start coturn', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, STEP);
  const notice = page!.locator('#no-turn');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText(
    'No TURN server configured: only host candidates on this network. Start one',
  );
  await expect(notice).toContainText('turnserver --listening-ip=127.0.0.1');
  await expect(notice).toContainText("npm start -- --turn-url 'turn:127.0.0.1:3478?transport=udp'");
  await expect(page!.locator('#ice-servers')).toHaveText('No servers: an empty list.');

  const types = await gather(page!, false);
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['host']));
  await expect(page!.locator('#gather-summary')).toContainText(
    `host ${types.length}, srflx 0, relay 0.`,
  );

  // Relay only without TURN: nothing to gather, and a call is refused with the reason.
  expect(await gather(page!, true)).toEqual([]);
  await expect(page!.locator('#gather-summary')).toContainText('no TURN server gave a relay');
  await page!.locator('#join').click();
  await expect(page!.locator('#error')).toContainText('Relay only needs a TURN server');
  await expect(page!.locator('#join')).toBeEnabled();
});

test('a call over host candidates, and an ICE restart: new ufrag, new pair, still connected', async ({
  openPeers,
}) => {
  const pages = await openPeers(2, `${STEP}?room=${uniqueRoom('restart')}`);
  const [alice, bob] = pages as [Page, Page];
  await joinAndConnect(pages);
  // The remote end may first show as prflx (peer-reflexive): ICE heard from it before its
  // candidate came through signaling. It turns into the host candidate once that arrives.
  await expect
    .poll(async () => {
      const { local, remote } = await shownPair(alice);
      return { local, remote };
    })
    .toEqual({ local: 'host', remote: 'host' });
  const before = await shownPair(alice);
  const bobBefore = await shownPair(bob);

  await alice.locator('#restart-ice').click();
  // Both sides take new ICE credentials, gather again and move to a new pair.
  await expect.poll(async () => (await shownPair(alice)).ufrag).not.toBe(before.ufrag);
  await expect.poll(async () => (await shownPair(bob)).ufrag).not.toBe(bobBefore.ufrag);
  await expect.poll(async () => (await shownPair(alice)).id).not.toBe(before.id);
  const afterRestart = alice.locator('#ice-log li[data-kind=restart] ~ li');
  await expect(afterRestart.filter({ hasText: 'gathering: complete' })).toHaveCount(1);
  await expect(
    afterRestart.filter({ hasText: `ufrag: ${(await shownPair(alice)).ufrag}` }),
  ).toHaveCount(1);
  // The old pair carried the call meanwhile: still connected, and video still arrives.
  await expect(alice.locator('#ice-log li[data-kind=connection]').last()).toHaveAttribute(
    'data-value',
    'connected',
  );
  await expect(alice.locator('#status')).toHaveAttribute('state', 'connected');
  const decoded = (await inboundVideoStats(bob)).framesDecoded;
  await expect
    .poll(async () => (await inboundVideoStats(bob)).framesDecoded)
    .toBeGreaterThan(decoded);
});
