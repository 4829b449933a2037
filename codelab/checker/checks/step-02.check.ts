import { watchPeak } from '@peerlab/testing';
import { check, type Tab } from './check-app.ts';
import { click, element } from './page-elements.ts';
import { describeVideo, heldTracks, playing, trackStates, videoInfo } from './video-probe.ts';
import { waitFor } from './wait-for.ts';

const LISTS = 'The camera and microphone lists show your devices by name';

/** The options of a list: their labels and values. */
function options(tab: Tab, list: string) {
  return tab.page.evaluate(
    (list) =>
      [...document.querySelectorAll<HTMLOptionElement>(`${list} option`)].map((option) => ({
        label: option.textContent?.trim() ?? '',
        value: option.value,
      })),
    list,
  );
}

/** Starts the camera and microphone, and waits until the preview plays and both lists are full. */
async function start(tab: Tab): Promise<void> {
  await click(tab, '#start', 'the Start button, id="start"');
  await waitFor(() => videoInfo(tab.page, '#video'), playing, {
    expected: '#video playing the camera',
    got: describeVideo,
    tabs: [tab],
  });
  for (const list of ['#camera', '#microphone']) {
    await element(tab, list, `a <select id="${list.slice(1)}">`);
    await waitFor(
      () => options(tab, list),
      (found) => found.length > 0,
      {
        expected: `${list} listing the devices once the camera is on`,
        got: () => `${list} has no <option>`,
      },
    );
  }
}

check(
  LISTS,
  {
    hint: 'After the camera opens, call navigator.mediaDevices.enumerateDevices() and fill <select id="camera"> with the videoinput devices and <select id="microphone"> with the audioinput ones: new Option(device.label, device.deviceId). See "List the devices".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await start(tab!);
    for (const list of ['#camera', '#microphone']) {
      await waitFor(
        () => options(tab!, list),
        (found) => found.every((option) => option.label && option.value),
        {
          expected: `every option of ${list} with the device's label as text and its deviceId as value`,
          got: (found) => `${list} has ${JSON.stringify(found)}`,
          timeout: 2_000,
        },
      );
    }
  },
);

check(
  'Choosing a camera switches the video live',
  {
    hint: 'On "change" of #camera, stop the old video track, getUserMedia({ video: { deviceId: { exact: select.value } } }) and show a new MediaStream of the new video track and the running audio track. See "Switch devices live".',
    needs: [LISTS],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await start(tab!);
    const before = await heldTracks(tab!.page, '#video');
    const value = (await options(tab!, '#camera'))[0]!.value;
    // Chromium has one fake camera: choosing it again still opens a new track for the old one.
    await (await element(tab!, '#camera', 'the camera list')).selectOption(value);
    const states = () => trackStates(before);
    await waitFor(states, (all) => all.includes('video ended') && all.includes('audio live'), {
      expected: 'the old camera track ended, the microphone still live',
      got: (all) => `the tracks shown before the switch are: ${all.join(', ')}`,
      timeout: 5_000,
    });
    await waitFor(
      () => videoInfo(tab!.page, '#video'),
      (video) =>
        playing(video) && video.tracks.some((t) => t.kind === 'video' && t.readyState === 'live'),
      { expected: '#video playing a new, live camera track', got: describeVideo, timeout: 5_000 },
    );
  },
);

check(
  'Choosing a microphone switches to it live',
  {
    hint: 'On "change" of #microphone, stop the old audio track and getUserMedia({ audio: { deviceId: { exact: select.value } } }); keep the new track in the stream the video shows. See "Switch devices live".',
    needs: [LISTS],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await start(tab!);
    const microphones = await options(tab!, '#microphone');
    const other = microphones.at(-1)!.value; // Chromium has three fake microphones
    await (await element(tab!, '#microphone', 'the microphone list')).selectOption(other);
    await waitFor(
      () => videoInfo(tab!.page, '#video'),
      ({ tracks }) =>
        tracks.some((t) => t.kind === 'audio' && t.readyState === 'live' && t.deviceId === other),
      {
        expected: `a live audio track of the microphone chosen (deviceId ${other.slice(0, 8)}…)`,
        got: ({ tracks }) =>
          `the audio shown is ${JSON.stringify(tracks.filter((t) => t.kind === 'audio').map((t) => ({ ...t, id: undefined })))}`,
        timeout: 5_000,
      },
    );
  },
);

check(
  'A devicechange event fills the lists again',
  {
    hint: 'navigator.mediaDevices.addEventListener("devicechange", …) lists the devices again while the camera runs: that is how a camera plugged in (or out) shows up. See "Follow devices plugged in and out".',
    needs: [LISTS],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await start(tab!);
    const count = (await options(tab!, '#camera')).length;
    // Fake devices cannot be plugged in or out: empty the lists and fire the event the browser
    // fires on a real plug. A page that listens lists its devices again.
    await tab!.page.evaluate(() => {
      document.querySelector('#camera')!.replaceChildren();
      document.querySelector('#microphone')!.replaceChildren();
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));
    });
    await waitFor(
      () => options(tab!, '#camera'),
      (found) => found.length === count,
      {
        expected: `#camera listing its ${count} camera(s) again after "devicechange"`,
        got: (found) => `#camera has ${found.length} option(s)`,
        timeout: 5_000,
      },
    );
  },
);

check(
  'The level meter follows the microphone',
  {
    hint: 'Connect the microphone to an AnalyserNode (new AudioContext().createMediaStreamSource(stream)), compute the RMS of getFloatTimeDomainData on each animation frame, and set <meter id="level">.value. See "Measure the microphone".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    const meter = await element(tab!, '#level', 'a <meter id="level">');
    // Chromium's fake microphone beeps now and then, silent in between: watch every value the
    // meter takes, not one reading.
    const peak = await watchPeak(meter);
    await click(tab!, '#start', 'the Start button, id="start"');
    await waitFor(peak, (value) => value > 0, {
      expected: 'the highest value of #level above 0 while the microphone beeps',
      got: (value) => `#level never went above ${value}`,
      tabs: [tab!],
    });
  },
);
