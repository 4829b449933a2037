import { describeMediaError } from '@peerlab/capture';
import { expect, test } from '@peerlab/testing';

const STEP = '/codelab/step-01-camera/';

// Chromium's fake camera has every one of these sizes, so it honours each `ideal` exactly.
const SIZES = [
  { preset: 'vga', width: 640, height: 480, asked: '640×480' },
  { preset: 'qvga', width: 320, height: 240, asked: '320×240' },
  { preset: 'hd', width: 1280, height: 720, asked: '1280×720' },
  { preset: 'full-hd', width: 1920, height: 1080, asked: '1920×1080' },
];

test('each size opens the camera at that size, and Stop turns it off', async ({ openPeers }) => {
  const [page] = await openPeers(1, STEP);
  const video = page!.locator('#video');
  // The old codelab's "no video": a <video> needs all three to play a camera by itself.
  for (const attribute of ['autoplay', 'muted', 'playsinline']) {
    await expect(video).toHaveAttribute(attribute, '');
  }

  await page!.locator('#start').click();
  for (const { preset, width, height, asked } of SIZES) {
    // Changing the size while the camera runs restarts it at the new size.
    await page!.locator('#preset').selectOption(preset);
    await expect
      .poll(() => video.evaluate((v: HTMLVideoElement) => [v.videoWidth, v.videoHeight]))
      .toEqual([width, height]);
    await expect(page!.locator('#summary')).toContainText(
      `Asked for ${asked}, got ${width}×${height}`,
    );
    await expect(page!.locator('#settings')).toContainText(`"width": ${width}`);
  }
  const track = await video.evaluateHandle(
    (v: HTMLVideoElement) => (v.srcObject as MediaStream).getVideoTracks()[0]!,
  );
  expect(await track.evaluate((t) => t.readyState)).toBe('live');

  await page!.locator('#stop').click();
  expect(await track.evaluate((t) => t.readyState)).toBe('ended');
  expect(await video.evaluate((v: HTMLVideoElement) => v.srcObject)).toBeNull();
  await expect(page!.locator('#settings')).toBeEmpty();
  await expect(page!.locator('#start')).toBeEnabled();
});

test('a denied camera is explained on the page', async ({ openWithCameraDenied }) => {
  const page = await openWithCameraDenied(STEP);
  await page.locator('#start').click();
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  const alert = page.locator('#error [role=alert]');
  await expect(alert).toContainText(expected.title);
  await expect(alert).toContainText(expected.fix);
  // Nothing half-open: the learner can fix the permission and try again.
  await expect(page.locator('#start')).toBeEnabled();
  await expect(page.locator('#stop')).toBeDisabled();
});
