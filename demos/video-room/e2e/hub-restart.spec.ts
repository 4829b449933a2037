import { expect, inboundVideoStats, peerIdOf, startRestartableHub, test } from '@peerlab/testing';
import { expectConnected, join } from './room-page.ts';

// The hub is restarted mid-call, as a teacher restarting `npm start` does: the call is peer to
// peer, so video goes on; both pages reconnect, and the hub takes them back with their ids.
test('the hub restarts mid-call: video goes on, both keep their peer ids, no second call', async ({
  browser,
}) => {
  const hub = await startRestartableHub();
  const contexts = [
    await browser.newContext({ baseURL: hub.url }),
    await browser.newContext({ baseURL: hub.url }),
  ];
  try {
    const [alice, bob] = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of [alice!, bob!]) {
      await page.goto('/demos/video-room/');
      await join(page, 'restart-check');
    }
    await expectConnected(alice!);
    await expectConnected(bob!);
    const ids = [await peerIdOf(alice!), await peerIdOf(bob!)];

    await hub.stop();
    await expect(alice!.locator('#status')).toHaveAttribute('state', 'reconnecting');
    await expect(bob!.locator('#status')).toHaveAttribute('state', 'reconnecting');
    // No hub, and video still arrives: it never went through it.
    const during = (await inboundVideoStats(bob!)).framesDecoded;
    await expect
      .poll(async () => (await inboundVideoStats(bob!)).framesDecoded)
      .toBeGreaterThan(during);

    await hub.start();
    await expectConnected(alice!);
    await expectConnected(bob!);
    expect([await peerIdOf(alice!), await peerIdOf(bob!)]).toEqual(ids);
    // One call each, with the same peer as before: nobody was told the other left or joined.
    for (const [page, other] of [
      [alice!, ids[1]],
      [bob!, ids[0]],
    ] as const) {
      expect(await page.evaluate(() => [...window.peerlab!.call!.sessions.keys()])).toEqual([
        other,
      ]);
      await expect(page.locator('#videos pl-video:not(#local)')).toHaveCount(1);
    }
    const after = (await inboundVideoStats(alice!)).framesDecoded;
    await expect
      .poll(async () => (await inboundVideoStats(alice!)).framesDecoded)
      .toBeGreaterThan(after);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
    await hub.stop();
  }
});
