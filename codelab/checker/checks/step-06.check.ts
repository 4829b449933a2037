import { expect, type Page } from '@peerlab/testing';
import { appPath, check, videoInfo } from './check-app.ts';

/** A room name no other check uses, so each check starts in an empty room. */
const newRoom = () => `check-${Math.random().toString(36).slice(2, 8)}`;

/** Whether the page's remote video is playing frames from the other tab. */
async function remotePlaying(page: Page): Promise<boolean> {
  const remote = await videoInfo(page, '#remote');
  return remote.readyState === 4 && remote.videoWidth > 0;
}

check(
  'Two tabs in one room connect, and each plays the other’s video',
  'Opening the page with ?room=NAME joins that room: new SignalingClient() and join(room), while the camera opens (openCamera) at the same time. Make an RTCPeerConnection for the peer already there (join’s peers, you are polite) or the one that arrives ("peer-joined", impolite), addTrack your tracks, negotiate perfectly (setLocalDescription() and send descriptions and candidate.toJSON() with signaling.send), and show ontrack’s streams[0] in <video id="remote" autoplay playsinline> (or <pl-video id="remote">).',
  async ({ openPeers }) => {
    const [first, second] = await openPeers(2, `${appPath}?room=${newRoom()}`);
    await expect.poll(() => remotePlaying(first!)).toBe(true);
    await expect.poll(() => remotePlaying(second!)).toBe(true);
  },
);

check(
  'Hang up ends the call, and the other tab says the peer left',
  'Add <button id="hang-up">: close the RTCPeerConnection, stop your tracks and leave the room (signaling.close()). On the other side, on "peer-left", close that connection too and write that the peer left (the word "left") in the element with id="status".',
  async ({ openPeers }) => {
    const [first, second] = await openPeers(2, `${appPath}?room=${newRoom()}`);
    await expect.poll(() => remotePlaying(first!)).toBe(true);
    await second!.locator('#hang-up').click();
    await expect(first!.locator('#status')).toContainText(/left/i);
  },
);
