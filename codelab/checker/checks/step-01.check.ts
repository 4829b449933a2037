import { check } from './check-app.ts';
import { click, element, expectCameraDenied } from './page-elements.ts';
import { videoFlagsPitfall } from './pitfalls.ts';
import {
  describeVideo,
  flagsOf,
  heldTracks,
  playing,
  trackStates,
  videoInfo,
} from './video-probe.ts';
import { fail, waitFor } from './wait-for.ts';

const START = 'Start shows your camera in the video';

check(
  START,
  {
    hint: 'Start (a submit button in <form id="controls">, or <button id="start">) calls getUserMedia and sets video.srcObject = stream on <video id="video" autoplay muted playsinline>: see "The page" and "Open the camera".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await element(tab!, '#video', 'a <video id="video">');
    await click(tab!, '#start', 'the Start camera button, id="start"');
    await waitFor(() => videoInfo(tab!.page, '#video'), playing, {
      expected: '#video playing the camera',
      got: describeVideo,
      tabs: [tab!],
      diagnose: () => videoFlagsPitfall(tab!, '#video', ['autoplay', 'muted', 'playsinline']),
    });
    const pitfall = await videoFlagsPitfall(tab!, '#video', ['autoplay', 'muted', 'playsinline']);
    if (pitfall) {
      await fail(
        'the video #video with autoplay, muted, playsinline',
        await flagsOf(tab!, '#video'),
        {
          diagnose: () => pitfall,
        },
      );
    }
  },
);

check(
  'The size list picks the camera size',
  {
    hint: 'Give <select id="preset"> an <option value="qvga">, and ask getUserMedia for width: { ideal: 320 }, height: { ideal: 240 } when it is chosen: see "The sizes" and "Open the camera".',
    needs: [START],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await (await element(tab!, '#preset', 'a <select id="preset">')).selectOption('qvga');
    await click(tab!, '#start', 'the Start camera button, id="start"');
    await waitFor(
      () => videoInfo(tab!.page, '#video'),
      (video) => video.videoWidth === 320,
      {
        expected: '#video 320 pixels wide after choosing qvga',
        got: describeVideo,
      },
    );
  },
);

check(
  'Stop turns the camera off',
  {
    hint: '<button id="stop"> calls track.stop() on every track of the stream, then sets video.srcObject = null: see "Stop".',
    needs: [START],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await click(tab!, '#start', 'the Start camera button, id="start"');
    await waitFor(() => videoInfo(tab!.page, '#video'), playing, {
      expected: '#video playing the camera',
      got: describeVideo,
    });
    const tracks = await heldTracks(tab!.page, '#video');
    await click(tab!, '#stop', 'the Stop button, id="stop"');
    await waitFor(
      () => trackStates(tracks),
      (states) => states.every((state) => state.endsWith('ended')),
      {
        expected: 'every track of the camera ended (track.stop()), so its light goes off',
        got: (states) => `the tracks are ${states.join(', ')}`,
        timeout: 5_000,
      },
    );
  },
);

check(
  'A denied camera is explained on the page',
  {
    hint: 'Catch what getUserMedia throws and show it: errorBox.error = describeMediaError(error), with <pl-error id="error"> on the page: see "Find the elements" and "Open the camera".',
  },
  async ({ openTabWithCameraDenied }) => {
    const tab = await openTabWithCameraDenied();
    await click(tab, '#start', 'the Start camera button, id="start"');
    await expectCameraDenied(tab);
  },
);
