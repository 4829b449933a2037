import { describeMediaError } from '@peerlab/capture';
import { expect, test } from '@peerlab/testing';
import { join } from './room-page.ts';

test('joining opens the fake camera into the local preview', async ({ openPeers }) => {
  const [page] = await openPeers(1, '/demos/video-room/');
  await join(page!, 'camera-check');
  const local = page!.locator('#local video');
  await expect
    .poll(() => local.evaluate((v: HTMLVideoElement) => v.videoWidth))
    .toBeGreaterThanOrEqual(320);
  expect(await local.evaluate((v: HTMLVideoElement) => v.muted)).toBe(true);
  await expect(page!.locator('#status')).toHaveAttribute('state', 'waiting');
});

test('a denied camera shows what happened and how to fix it', async ({ openWithCameraDenied }) => {
  const page = await openWithCameraDenied('/demos/video-room/');
  await join(page, 'denied-check');
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  const alert = page.locator('#error [role=alert]');
  await expect(alert).toContainText(expected.title);
  await expect(alert).toContainText(expected.fix);
  // Nothing is left half-open: the learner can try again.
  await expect(page.locator('#join')).toBeEnabled();
  await expect(page.locator('#status')).toHaveAttribute('state', 'idle');
});
