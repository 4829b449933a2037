import { describeMediaError } from '@peerlab/capture';
import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-06-video-call/';

/** The page's call as its DevTools handle shows it: `peerlab.call`. */
type Handle = { peerlab: { call?: { peerId: string; pc: RTCPeerConnection } } };

/** Video received by the page's connection, from `getStats()`: frames decoded and their size. */
function inboundVideo(page: Page) {
  return page.evaluate(async () => {
    const { call } = (window as unknown as Handle).peerlab;
    const report = (await call?.pc.getStats()) ?? new Map();
    const video = [...report.values()].find(
      (stats: { type: string; kind?: string }) =>
        stats.type === 'inbound-rtp' && stats.kind === 'video',
    ) as { framesDecoded?: number; frameWidth?: number } | undefined;
    return { framesDecoded: video?.framesDecoded ?? 0, frameWidth: video?.frameWidth ?? 0 };
  });
}

/** The remote `<video>` (inside `<pl-video id="remote">`): its width and whether it plays. */
function remoteVideo(page: Page) {
  return page.locator('#remote video').evaluate((video: HTMLVideoElement) => ({
    width: video.videoWidth,
    playing: video.readyState === video.HAVE_ENOUGH_DATA && !video.paused,
  }));
}

/** Waits until the page's call is connected with video arriving, decoded and playing. */
async function expectVideoFlowing(page: Page): Promise<void> {
  await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
  await expect.poll(async () => (await inboundVideo(page)).framesDecoded).toBeGreaterThan(0);
  // At least 320 wide: the camera sends 640×480, and under load WebRTC may scale it down, for
  // a while even lower. Polled apart: the size need not be that at the moment it plays.
  await expect.poll(async () => (await remoteVideo(page)).width).toBeGreaterThanOrEqual(320);
  await expect.poll(async () => (await remoteVideo(page)).playing).toBe(true);
}

test('two browsers call each other; one hangs up, the other waits for the next peer', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, `${STEP}?room=call-check`);
  await expectVideoFlowing(alice!);
  await expectVideoFlowing(bob!);
  // Alice was there first, so she is impolite toward Bob, and he is polite toward her.
  await expect(alice!.locator('#status')).toContainText('you are impolite');
  await expect(bob!.locator('#status')).toContainText('you are polite');

  const alicePc = await alice!.evaluateHandle(() => (window as unknown as Handle).peerlab.call!.pc);
  const bobCamera = await bob!.evaluateHandle(
    () => (document.querySelector('#local') as HTMLElement & { srcObject: MediaStream }).srcObject,
  );
  await bob!.locator('#hang-up').click();
  // Bob: out of the room, camera off, ready to join again.
  await expect(bob!.locator('#status')).toHaveAttribute('state', 'idle');
  expect(await bobCamera.evaluate((s) => s.getTracks().map((t) => t.readyState))).toEqual([
    'ended',
    'ended',
  ]);
  await expect(bob!.locator('#join')).toBeEnabled();
  // Alice: told Bob left, her connection closed and gone, still in the room.
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await expect(alice!.locator('#status')).toContainText(/Peer \w{4} left/);
  expect(await alicePc.evaluate((pc) => pc.connectionState)).toBe('closed');
  expect(await alice!.evaluate(() => (window as unknown as Handle).peerlab.call)).toBeUndefined();
  expect(
    await alice!.locator('#remote video').evaluate((v: HTMLVideoElement) => v.srcObject),
  ).toBeNull();

  // Bob joins again as a new peer: a new call, and video again both ways.
  await bob!.locator('#join').click();
  await expectVideoFlowing(alice!);
  await expectVideoFlowing(bob!);
  // And no error along the way: not one signaling message was refused.
  await expect(alice!.locator('#error [role=alert]')).toHaveCount(0);
  await expect(bob!.locator('#error [role=alert]')).toHaveCount(0);
});

test('a third browser is told the room is full, and the call goes on', async ({ openPeers }) => {
  const [alice, bob] = await openPeers(2, `${STEP}?room=full-check`);
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'connected');
  const callPeer = (page: Page) =>
    page.evaluate(() => (window as unknown as Handle).peerlab.call?.peerId);
  const [aliceCallsWith, bobCallsWith] = [await callPeer(alice!), await callPeer(bob!)];
  const [carol] = await openPeers(1, `${STEP}?room=full-check`);
  const alert = carol!.locator('#error [role=alert]');
  await expect(alert).toContainText('This room is full');
  await expect(alert).toContainText('"full-check" is full (2 of 2 peers)');
  // Carol's camera was released and she can try again; the two inside never saw her.
  await expect(carol!.locator('#join')).toBeEnabled();
  expect(
    await carol!.locator('#local video').evaluate((v: HTMLVideoElement) => v.srcObject),
  ).toBeNull();
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'connected');
  expect([await callPeer(alice!), await callPeer(bob!)]).toEqual([aliceCallsWith, bobCallsWith]);
});

test('a denied camera is explained, and nothing is left half-joined', async ({
  openWithCameraDenied,
}) => {
  const page = await openWithCameraDenied(`${STEP}?room=denied-check`);
  const expected = describeMediaError(new DOMException('Permission denied', 'NotAllowedError'));
  const alert = page.locator('#error [role=alert]');
  await expect(alert).toContainText(expected.title);
  await expect(alert).toContainText(expected.fix);
  await expect(page.locator('#status')).toHaveAttribute('state', 'idle');
  await expect(page.locator('#join')).toBeEnabled();
  await expect(page.locator('#hang-up')).toBeDisabled();
  expect(await page.evaluate(() => (window as unknown as Handle).peerlab.call)).toBeUndefined();
});
