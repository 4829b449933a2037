import { expect } from '@peerlab/testing';
import { check, openApp, videoInfo } from './check-app.ts';

check(
  'Call connects two peer connections and the remote video plays',
  'Add <button id="call">: create pc1 and pc2, addTrack the camera tracks to pc1, hand each onicecandidate to the other side’s addIceCandidate, exchange the offer and answer, and show pc2’s ontrack stream in <video id="remote" autoplay muted playsinline>.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#call').click();
    await expect
      .poll(async () => {
        const remote = await videoInfo(page, '#remote');
        return remote.readyState === 4 && remote.videoWidth > 0;
      })
      .toBe(true);
  },
);

check(
  'Hang up stops the camera',
  'Add <button id="hang-up"> that closes both connections (pc.close()) and stops every local track, so the camera light goes off.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#call').click();
    await expect.poll(async () => (await videoInfo(page, '#remote')).videoWidth).toBeGreaterThan(0);
    const track = await page.evaluateHandle(() => {
      const element = document.querySelector('#local')!;
      const video =
        element instanceof HTMLVideoElement ? element : element.shadowRoot!.querySelector('video')!;
      return (video.srcObject as MediaStream).getVideoTracks()[0]!;
    });
    await page.locator('#hang-up').click();
    await expect.poll(() => track.evaluate((t: MediaStreamTrack) => t.readyState)).toBe('ended');
  },
);
