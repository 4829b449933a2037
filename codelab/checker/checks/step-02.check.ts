import { expect, watchPeak } from '@peerlab/testing';
import { check, openApp, videoInfo } from './check-app.ts';

check(
  'The camera and microphone lists show your devices by name',
  'After the camera opens, call navigator.mediaDevices.enumerateDevices() and add an <option> per videoinput to <select id="camera"> and per audioinput to <select id="microphone">, with device.label as text and device.deviceId as value.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#start').click();
    for (const list of ['#camera', '#microphone']) {
      await expect.poll(() => page.locator(`${list} option`).count()).toBeGreaterThan(0);
      const labels = await page.locator(`${list} option`).allTextContents();
      expect(
        labels.every((label) => label.trim().length > 0),
        `${list} labels`,
      ).toBe(true);
    }
  },
);

check(
  'Choosing a microphone switches to it live',
  'When <select id="microphone"> changes, stop the old audio track and call getUserMedia({ audio: { deviceId: { exact: select.value } } }); keep the new track in the stream.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#start').click();
    await expect.poll(() => page.locator('#microphone option').count()).toBeGreaterThan(1);
    const other = await page.locator('#microphone option').nth(1).getAttribute('value');
    await page.locator('#microphone').selectOption(other!);
    await expect
      .poll(async () => {
        const { tracks } = await videoInfo(page, '#video');
        const audio = tracks.find((track) => track.kind === 'audio' && track.readyState === 'live');
        return audio?.deviceId;
      })
      .toBe(other);
  },
);

check(
  'The level meter follows the microphone',
  'Connect the microphone to an AnalyserNode (new AudioContext().createMediaStreamSource(stream)), compute the RMS of getFloatTimeDomainData each frame, and set it as the value of <meter id="level">.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#start').click();
    // Chromium's fake microphone beeps twice a second and is silent in between: a single look
    // at the meter may fall in the silence, so watch every value it takes.
    const peak = await watchPeak(page.locator('#level'));
    await expect.poll(peak, { message: 'the highest value of #level' }).toBeGreaterThan(0);
  },
);
