import { expect, inboundVideoStats, test, type Page } from '@peerlab/testing';
import { expectConnected, join } from './room-page.ts';

/** What the page's first call sends, as its senders' tracks say. */
function sent(page: Page, kind: 'audio' | 'video') {
  return page.evaluate((kind) => {
    const [session] = [...window.peerlab!.call!.sessions.values()];
    const track = session!.pc.getSenders().find((s) => s.track?.kind === kind)?.track;
    const settings = track?.getSettings() as MediaTrackSettings & { displaySurface?: string };
    return {
      state: track?.readyState,
      deviceId: settings.deviceId,
      surface: settings.displaySurface,
    };
  }, kind);
}

async function framesDecodedGrow(page: Page): Promise<void> {
  const before = (await inboundVideoStats(page)).framesDecoded;
  await expect
    .poll(async () => (await inboundVideoStats(page)).framesDecoded)
    .toBeGreaterThan(before);
}

test('sharing the screen sends it instead of the camera, and stopping brings the camera back', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'screen-check');
  await join(bob!, 'screen-check');
  await expectConnected(alice!);
  expect((await sent(alice!, 'video')).surface).toBeUndefined();
  await alice!.locator('#share-screen').click();
  await expect(alice!.locator('#share-screen')).toHaveText('Stop sharing');
  await expect.poll(async () => (await sent(alice!, 'video')).surface).toBeTruthy();
  await framesDecodedGrow(bob!);
  await alice!.locator('#share-screen').click();
  await expect(alice!.locator('#share-screen')).toHaveText('Share screen');
  await expect
    .poll(() => sent(alice!, 'video'))
    .toMatchObject({ state: 'live', surface: undefined });
  await framesDecodedGrow(bob!);
  await expectConnected(bob!);
});

test('picking another microphone mid-call sends it to the peer without a new call', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/video-room/');
  await join(alice!, 'device-check');
  await join(bob!, 'device-check');
  await expectConnected(alice!);
  const picker = alice!.locator('pl-device-picker[kind=audioinput] select');
  const ids = await picker
    .locator('option')
    .evaluateAll((options: HTMLOptionElement[]) => options.map((option) => option.value));
  const other = ids.find((id) => id !== '' && id !== 'default' && id !== ids[0]);
  expect(other, `microphones: ${ids.join(', ')}`).toBeDefined();
  await picker.selectOption(other!);
  await expect.poll(async () => (await sent(alice!, 'audio')).deviceId).toBe(other);
  await expectConnected(alice!);
  await expectConnected(bob!);
});
