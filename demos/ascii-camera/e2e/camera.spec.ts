import { describeMediaError } from '@peerlab/capture';
import { expect, test } from '@peerlab/testing';

test('a denied camera shows what happened and how to fix it', async ({ openWithCameraDenied }) => {
  const page = await openWithCameraDenied('/demos/ascii-camera/');
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  const alert = page.locator('#error [role=alert]');
  await expect(alert).toContainText(expected.title);
  await expect(alert).toContainText(expected.fix);
  await expect(page.locator('#fps')).toHaveText('no camera');
  // Joining a room needs the camera too: the same explanation, and nothing left half-open.
  await page.locator('#error [part=dismiss]').click();
  await page.locator('#join').click();
  await expect(alert).toContainText(expected.title);
  await expect(page.locator('#join')).toBeEnabled();
  await expect(page.locator('#status')).toHaveAttribute('state', 'idle');
});
