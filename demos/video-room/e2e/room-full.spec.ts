import { expect, test } from '@peerlab/testing';
import { expectConnected, join } from './room-page.ts';

test('a third peer in a two-peer room is told the room is full, and the call goes on', async ({
  openPeers,
}) => {
  const [alice, bob, carol] = await openPeers(3, '/demos/video-room/');
  await join(alice!, 'full-check', 2); // whoever creates the room sets its size
  await join(bob!, 'full-check');
  await expectConnected(alice!);
  await join(carol!, 'full-check');
  const alert = carol!.locator('#error [role=alert]');
  await expect(alert).toContainText('This room is full');
  await expect(alert).toContainText('"full-check" is full (2 of 2 peers)');
  await expect(carol!.locator('#join')).toBeEnabled();
  // Carol's camera was released, and the two inside never saw her.
  expect(
    await carol!.locator('#local video').evaluate((v: HTMLVideoElement) => v.srcObject),
  ).toBeNull();
  await expectConnected(alice!);
  await expect(alice!.locator('pl-video[data-peer-id]')).toHaveCount(1);
});
