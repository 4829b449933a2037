import { expect, inboundVideoStats, testWithCoturn } from '@peerlab/testing';
import { gather, joinAndConnect, shownPair, STEP, uniqueRoom } from './ice-page.ts';

// A real coturn for this file's worker, and a hub that hands out TURN credentials for it.
const test = testWithCoturn;

test('/api/ice gives coturn with fresh credentials; relay only gathers relay candidates only', async ({
  openPeers,
  coturn,
}) => {
  const [page] = await openPeers(1, STEP);
  const response = await page!.request.get('/api/ice');
  const body = await response.text();
  expect(body).not.toContain(coturn.secret); // the secret stays on the hub
  const { iceServers } = JSON.parse(body) as { iceServers: RTCIceServer[] };
  const [turn] = iceServers;
  expect(turn?.urls).toEqual([coturn.url]);
  expect(turn?.username).toMatch(/^\d+:peerlab$/);
  const expiry = Number(turn!.username!.split(':')[0]);
  expect(Math.abs(expiry - (Date.now() / 1000 + 600))).toBeLessThan(60); // ten minutes

  // The page shows the server, the username with its expiry, and the password masked.
  await expect(page!.locator('#no-turn')).toBeHidden();
  const shown = page!.locator('#ice-servers li[data-kind=turn]');
  await expect(shown.locator('[data-show=urls]')).toHaveText(coturn.url);
  await expect(shown.locator('[data-show=username]')).toContainText(':peerlab');
  await expect(shown.locator('[data-show=expiry]')).toContainText('(in 10 min)');
  await expect(shown.locator('[data-show=credential]')).toHaveText(/^credential: .{4}•{8}$/);

  const types = await gather(page!, true);
  expect(types.length).toBeGreaterThan(0);
  expect(new Set(types)).toEqual(new Set(['relay']));
  await expect(page!.locator('#candidates li').first()).toContainText('relay udp 127.0.0.1:');
});

test('relay only: two tabs connect through coturn, video decodes, the pair is relay ⇄ relay', async ({
  openPeers,
}) => {
  const pages = await openPeers(2, `${STEP}?room=${uniqueRoom('relay')}`);
  for (const page of pages) await page.locator('#relay-only').check();
  await joinAndConnect(pages);
  for (const page of pages) {
    await expect.poll(async () => (await inboundVideoStats(page)).framesDecoded).toBeGreaterThan(0);
    await expect
      .poll(async () => {
        const { local, remote } = await shownPair(page);
        return { local, remote };
      })
      .toEqual({ local: 'relay', remote: 'relay' });
  }
});
