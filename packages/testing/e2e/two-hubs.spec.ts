import { expect, test } from '@playwright/test';
import { callStates } from '../src/page-handle.ts';
import { startTwoHubs, type TwoHubs } from '../src/two-hubs.ts';
import { inboundVideoStats } from '../src/webrtc-stats.ts';

// Two hubs sharing a real redis-server, and the video room open on each: Alice's page talks
// to hub 1 only, Bob's to hub 2 only. Their offer, answer and candidates cross through Redis,
// then video and the chat's data channel flow peer to peer.
let cluster: TwoHubs;

test.beforeAll(async () => {
  cluster = await startTwoHubs();
});
test.afterAll(() => cluster.close());

test('a peer on each hub: the call connects, video plays both ways, chat arrives', async ({
  browser,
}) => {
  const contexts = await Promise.all(
    cluster.hubs.map((hub) => browser.newContext({ baseURL: hub.url })),
  );
  try {
    const [alice, bob] = await Promise.all(contexts.map((context) => context.newPage()));
    for (const page of [alice!, bob!]) {
      await page.goto('/demos/video-room/');
      await page.locator('#room').fill('across-hubs');
      await page.locator('#join').click();
    }
    for (const page of [alice!, bob!]) {
      await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
      await expect.poll(() => callStates(page)).toEqual(['connected']);
    }
    // Redis seated the two peers on two different hubs: the call really went across.
    const room = await cluster.redis.client.hgetall('peerlab:room:across-hubs');
    const members = Object.entries(room).filter(([field]) => field.startsWith('m:'));
    const nodes = members.map(([, member]) => (JSON.parse(member) as { node: string }).node);
    expect(new Set(nodes).size).toBe(2);
    for (const page of [alice!, bob!]) {
      await expect
        .poll(async () => (await inboundVideoStats(page)).framesDecoded)
        .toBeGreaterThan(0);
    }
    await alice!.locator('#chat-input').fill('hello from hub 1');
    await alice!.locator('#chat-input').press('Enter');
    await expect(bob!.locator('#chat-log')).toContainText('hello from hub 1');
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
});
