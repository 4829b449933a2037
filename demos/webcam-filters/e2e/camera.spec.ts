import { describeMediaError } from '@peerlab/capture';
import { expect, test } from '@peerlab/testing';

test('a denied camera shows what happened and how to fix it', async ({ openWithCameraDenied }) => {
  const page = await openWithCameraDenied('/demos/webcam-filters/');
  await page.locator('#start').click();
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  const alert = page.locator('#error [role=alert]');
  await expect(alert).toContainText(expected.title);
  await expect(alert).toContainText(expected.fix);
  await expect(page.locator('#start')).toBeEnabled();
  await expect(page.locator('#snapshot')).toBeDisabled();

  // Joining a call without a camera says what to do first.
  await page.locator('#join').click();
  await expect(page.locator('#call-error [role=alert]')).toContainText('Start the camera first');
  await expect(page.locator('#join')).toBeEnabled();
});
