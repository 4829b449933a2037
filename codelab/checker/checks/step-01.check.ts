import { expect, type Page } from '@peerlab/testing';
import { check, openApp, videoInfo } from './check-app.ts';

const videoWidth = async (page: Page) => (await videoInfo(page, '#video')).videoWidth;

check(
  'Start shows your camera in the <video>',
  'Add <button id="start"> whose click calls navigator.mediaDevices.getUserMedia({ video: … }) and puts the stream in <video id="video" autoplay muted playsinline> via video.srcObject.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#start').click();
    await expect.poll(() => videoWidth(page)).toBeGreaterThan(0);
    const attributes = await page
      .locator('#video')
      .evaluate((video: HTMLVideoElement) => [video.autoplay, video.muted, video.playsInline]);
    expect(attributes, 'the <video> needs autoplay, muted and playsinline').toEqual([
      true,
      true,
      true,
    ]);
  },
);

check(
  'The size list picks the camera size',
  'Add <select id="preset"> with an option value="qvga" (320×240), and ask getUserMedia for { width: { ideal: 320 }, height: { ideal: 240 } } when it is chosen.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#preset').selectOption('qvga');
    await page.locator('#start').click();
    await expect.poll(() => videoWidth(page)).toBe(320);
  },
);

check(
  'Stop turns the camera off',
  'Add <button id="stop"> that calls track.stop() on every track of the stream and sets video.srcObject = null.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#start').click();
    await expect.poll(() => videoWidth(page)).toBeGreaterThan(0);
    const track = await page.evaluateHandle(() => {
      const element = document.querySelector('#video')!;
      const video =
        element instanceof HTMLVideoElement ? element : element.shadowRoot!.querySelector('video')!;
      return (video.srcObject as MediaStream).getVideoTracks()[0]!;
    });
    await page.locator('#stop').click();
    await expect.poll(() => track.evaluate((t: MediaStreamTrack) => t.readyState)).toBe('ended');
  },
);
