import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-03-peer-loopback/';

interface CallState {
  pc1: RTCPeerConnectionState;
  pc2: RTCPeerConnectionState;
  tracks: MediaStreamTrackState[];
}

/** Both connection states and the states of the camera's tracks, from the DevTools handle. */
function callState(page: Page): Promise<CallState | undefined> {
  return page.evaluate(() => {
    type Call = { pc1: RTCPeerConnection; pc2: RTCPeerConnection; stream: MediaStream };
    const { call } = (window as unknown as { peerlab: { call?: Call } }).peerlab;
    if (!call) return undefined;
    const tracks = call.stream.getTracks().map((track) => track.readyState);
    return { pc1: call.pc1.connectionState, pc2: call.pc2.connectionState, tracks };
  });
}

async function expectCallUp(page: Page): Promise<void> {
  await expect
    .poll(() => callState(page))
    .toEqual({
      pc1: 'connected',
      pc2: 'connected',
      tracks: ['live', 'live'],
    });
  await expect(page.locator('#pc1-state')).toHaveAttribute('state', 'connected');
  await expect(page.locator('#pc2-state')).toHaveAttribute('state', 'connected');
  const remote = page.locator('#remote video');
  // HAVE_ENOUGH_DATA: frames are arriving from pc1 through pc2, and playing.
  await expect.poll(() => remote.evaluate((v: HTMLVideoElement) => v.readyState)).toBe(4);
  expect(await remote.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
}

test('pc1 sends the camera to pc2, with a timeline, and hang-up ends it all', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, STEP);
  await page!.locator('#call').click();
  await expectCallUp(page!);

  const log = page!.locator('#log');
  for (const entry of [
    'camera open',
    'offer created',
    'offer handed to pc2',
    'answer created',
    'answer handed to pc1',
    'pc1 candidate for sdpMid 0: host',
    'pc2 candidate for sdpMid 0: host',
    'pc2 got the audio track',
    'pc2 got the video track',
    'pc1 connected',
    'pc2 connected',
    'pc2 video playing',
  ]) {
    await expect(log.getByText(entry).first()).toHaveText(new RegExp(`^${entry}.* \\+\\d+ ms$`));
  }
  // The offer was made before any candidate was found, so pc2 knows pc1's candidates only
  // from the hand-over.
  const remoteCandidates = await page!.evaluate(async () => {
    const { pc2 } = (window as unknown as { peerlab: { call: { pc2: RTCPeerConnection } } }).peerlab
      .call;
    const report = await pc2.getStats();
    return [...report.values()].filter((stats) => stats.type === 'remote-candidate').length;
  });
  expect(remoteCandidates).toBeGreaterThan(0);

  await page!.locator('#hang-up').click();
  expect(await callState(page!)).toEqual({
    pc1: 'closed',
    pc2: 'closed',
    tracks: ['ended', 'ended'],
  });
  await expect(page!.locator('#pc1-state')).toHaveAttribute('state', 'closed');
  await expect(page!.locator('#pc2-state')).toHaveAttribute('state', 'closed');
  await expect(log).toContainText('hung up');

  // Nothing left over: a second call works like the first.
  await page!.locator('#call').click();
  await expectCallUp(page!);
});
