import { describeMediaError } from '@peerlab/capture';
import { expect, test, watchPeak, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-02-devices/';

async function start(page: Page): Promise<void> {
  await page.locator('#start').click();
  await expect(page.locator('#camera')).toBeEnabled();
}

/** The id of the track of `kind` the preview shows, and whether it is live. */
function shownTrack(page: Page, kind: 'video' | 'audio') {
  return page.locator('#video video').evaluate((video: HTMLVideoElement, kind) => {
    const stream = video.srcObject as MediaStream;
    const track = kind === 'video' ? stream.getVideoTracks()[0] : stream.getAudioTracks()[0];
    return {
      id: track?.id,
      readyState: track?.readyState,
      deviceId: track?.getSettings().deviceId,
    };
  }, kind);
}

/** Waits until the preview has decoded a new frame since now. */
async function expectPlaying(page: Page): Promise<void> {
  const video = page.locator('#video video');
  const before = await video.evaluate((v: HTMLVideoElement) => v.currentTime);
  await expect
    .poll(() => video.evaluate((v: HTMLVideoElement) => v.currentTime))
    .toBeGreaterThan(before);
}

test('lists the fake devices with names and switches them live', async ({ openPeers }) => {
  const [page] = await openPeers(1, STEP);
  await start(page!);
  for (const select of ['#camera', '#microphone']) {
    const labels = await page!.locator(`${select} option`).allTextContents();
    expect(labels.length, select).toBeGreaterThan(0);
    for (const label of labels) expect(label.trim(), select).not.toBe('');
  }
  // The device in use is the one selected.
  const camera = await shownTrack(page!, 'video');
  await expect(page!.locator('#camera')).toHaveValue(camera.deviceId!);
  await expectPlaying(page!);

  // Chromium has one fake camera: picking it again still opens a new track in place of the old.
  const oldTrack = await page!
    .locator('#video video')
    .evaluateHandle((v: HTMLVideoElement) => (v.srcObject as MediaStream).getVideoTracks()[0]!);
  await page!.locator('#camera').selectOption(camera.deviceId!);
  await expect.poll(async () => (await shownTrack(page!, 'video')).id).not.toBe(camera.id);
  expect((await shownTrack(page!, 'video')).readyState).toBe('live');
  expect(await oldTrack.evaluate((track) => track.readyState)).toBe('ended');
  await expectPlaying(page!);

  // It has three fake microphones: switch to the last one.
  const microphones = await page!
    .locator('#microphone option')
    .evaluateAll((options: HTMLOptionElement[]) => options.map((option) => option.value));
  const last = microphones.at(-1)!;
  await page!.locator('#microphone').selectOption(last);
  await expect.poll(async () => (await shownTrack(page!, 'audio')).deviceId).toBe(last);
});

test('the level meter moves with the fake microphone, and holds its peak', async ({
  openPeers,
}) => {
  const [page] = await openPeers(1, STEP);
  const level = page!.locator('#level');
  const meterPeak = await watchPeak(level);
  await start(page!);
  // The fake microphone beeps twice a second, silent in between: any one reading of the meter
  // may fall in the silence, so watch every value it takes.
  await expect.poll(meterPeak).toBeGreaterThan(0);
  // The page's own peak holds the loudest of them, for as long as this microphone runs. Read
  // ours first: the page sets data-peak in the same callback as the value we saw, while a louder
  // beep may arrive between two reads.
  const seen = await meterPeak();
  const held = Number(await level.getAttribute('data-peak'));
  expect(held).toBeGreaterThanOrEqual(seen);
  expect(held).toBeLessThanOrEqual(1);
  await expect(page!.locator('#level-db')).toContainText(/dB|silence/);
});

test('devicechange refreshes the lists', async ({ openPeers }) => {
  const [page] = await openPeers(1, STEP);
  await start(page!);
  const before = await page!.locator('#camera option').count();
  // Fake devices cannot be plugged in or out, so empty the lists and fire a synthetic
  // `devicechange`, the event the browser fires on a real plug: the page's listener lists again.
  await page!.evaluate(() => {
    document.querySelector('#camera')!.replaceChildren();
    document.querySelector('#microphone')!.replaceChildren();
    navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
  });
  await expect(page!.locator('#camera option')).toHaveCount(before);
  await expect(page!.locator('#microphone option')).not.toHaveCount(0);
});

test('a camera that went away is explained', async ({ openPeers }) => {
  const [page] = await openPeers(1, STEP);
  await start(page!);
  // A stale deviceId, as after the camera was unplugged: getUserMedia rejects with `exact`.
  await page!.locator('#camera').evaluate((select: HTMLSelectElement) => {
    select.append(new Option('Unplugged camera', 'no-such-device'));
  });
  await page!.locator('#camera').selectOption('no-such-device');
  const expected = describeMediaError(
    Object.assign(new DOMException('', 'OverconstrainedError'), { constraint: 'deviceId' }),
  );
  await expect(page!.locator('#error [role=alert]')).toContainText(expected.title);
});
