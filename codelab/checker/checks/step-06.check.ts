import { check, newRoom, type Tab } from './check-app.ts';
import { click, element, expectCameraDenied, textOf } from './page-elements.ts';
import { probe } from './page-report.ts';
import { politeFirstOfferPitfall, tricklePitfall, videoFlagsPitfall } from './pitfalls.ts';
import {
  describeVideo,
  flagsOf,
  heldTracks,
  playing,
  trackStates,
  videoInfo,
} from './video-probe.ts';
import { fail, waitFor } from './wait-for.ts';

const CONNECT = 'Two tabs in one room connect, and each plays the other’s video';
const TRICKLE_FIX =
  "pc.onicecandidate = ({ candidate }) => { if (candidate) send({ kind: 'candidate', candidate: candidate.toJSON() }); } inside negotiate(), before its return";

/** What explains a call that does not connect, if it is a known mistake. */
async function diagnoseCall(tabs: readonly Tab[]): Promise<string | undefined> {
  return (
    (await tricklePitfall(tabs, TRICKLE_FIX)) ??
    (tabs[1] && (await politeFirstOfferPitfall(tabs[1]))) ??
    (await videoFlagsPitfall(tabs[0]!, '#remote', ['autoplay', 'playsinline']))
  );
}

/** Waits until `tab` plays the other tab's video in `#remote`. */
async function expectCall(tab: Tab, tabs: readonly Tab[], timeout = 20_000): Promise<void> {
  await element(tab, '#remote', 'a <pl-video id="remote"> (or <video id="remote">)');
  await waitFor(() => videoInfo(tab.page, '#remote'), playing, {
    expected: `${tab.name}’s #remote playing the other tab’s video`,
    got: describeVideo,
    timeout,
    tabs,
    diagnose: () => diagnoseCall(tabs),
  });
}

/** Two tabs in a new room, in a call; the first one was there first. */
async function openCall(openTabs: (n: number, o: { query: string }) => Promise<Tab[]>) {
  const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
  for (const tab of tabs) await expectCall(tab, tabs);
  return tabs;
}

check(
  CONNECT,
  {
    hint: 'On ?room=NAME, join with new SignalingClient() while the camera opens; make an RTCPeerConnection for the peer already there (polite) or the one that arrives (impolite), addTrack your tracks, negotiate() and show ontrack’s streams[0] in #remote. See "One connection for the call" and "Perfect negotiation and trickle ICE".',
  },
  async ({ openTabs }) => {
    const tabs = await openCall(openTabs);
    // A call can connect without trickle ICE, through candidates that happened to be in the
    // offer's SDP when it went: now and then, on a busy machine. Candidates must be sent.
    const trickle = await tricklePitfall(tabs, TRICKLE_FIX);
    if (trickle) {
      await fail(
        'each tab sending the ICE candidates it finds (trickle ICE)',
        'the call connected, but a tab sent none of its candidates: it only worked by luck',
        { tabs, diagnose: () => trickle },
      );
    }
    for (const [selector, flags] of [
      ['#remote', ['autoplay', 'playsinline']],
      ['#local', ['autoplay', 'muted', 'playsinline']],
    ] as const) {
      const pitfall = await videoFlagsPitfall(tabs[0]!, selector, flags);
      if (pitfall) {
        await fail(
          `the video ${selector} with ${flags.join(', ')}`,
          await flagsOf(tabs[0]!, selector),
          {
            diagnose: () => pitfall,
          },
        );
      }
    }
  },
);

check(
  'The tab that joins second waits for the first tab’s offer',
  {
    hint: 'The polite side (the one that joined later) does not make the first offer: in onnegotiationneeded, first `if (polite && !pc.remoteDescription) return;`. See "Perfect negotiation and trickle ICE".',
    needs: [CONNECT],
  },
  async ({ openTabs }) => {
    const query = `?room=${newRoom()}`;
    const [first] = await openTabs(1, { query });
    await waitFor(
      async () => (await probe(first!))?.signaling.joined ?? 0,
      (joined) => joined > 0,
      {
        expected: 'tab 1 in the room (the hub answered its join)',
        got: () => 'no answer to a join yet',
      },
    );
    // The first tab's offer reaches the second one 3 s late, as on a slow network: long enough
    // for a second tab that does not wait to make its own.
    const [second] = await openTabs(1, { query, firstNumber: 2, holdFirstDescriptionMs: 3_000 });
    const tabs = [first!, second!];
    await expectCall(second!, tabs, 25_000);
    const pitfall = await politeFirstOfferPitfall(second!);
    if (pitfall) {
      await fail(
        'tab 2 (polite) to make no offer before it has tab 1’s',
        'tab 2 called setLocalDescription() for an offer of its own while it had nothing from tab 1',
        { tabs, diagnose: () => pitfall },
      );
    }
  },
);

check(
  'Hang up ends the call, and the other tab says the peer left',
  {
    hint: '<button id="hang-up"> closes the connection, leaves the room (signaling.close()) and stops your tracks. On "peer-left" the other side closes its connection too and writes that the peer left (the word "left") in #status. See "When the other side leaves" and "Hang up".',
    needs: [CONNECT],
  },
  async ({ openTabs }) => {
    const tabs = await openCall(openTabs);
    const camera = await heldTracks(tabs[1]!.page, '#local');
    await click(tabs[1]!, '#hang-up', 'the Hang up button, id="hang-up"');
    await waitFor(
      () => trackStates(camera),
      (all) => all.length > 0 && all.every((s) => s.endsWith('ended')),
      {
        expected: 'tab 2’s camera and microphone tracks ended',
        got: (all) => `they are ${all.join(', ') || 'not found in #local'}`,
        timeout: 5_000,
      },
    );
    await waitFor(
      () => textOf(tabs[0]!, '#status'),
      (text) => /left/i.test(text),
      {
        expected: 'tab 1’s #status saying the peer left',
        got: (text) => `#status says "${text}"`,
        timeout: 5_000,
        tabs,
      },
    );
  },
);

check(
  'A third tab is told the room is full, and the call goes on',
  {
    hint: 'signaling.join(room) throws for a full room: show the error in <pl-error id="error"> (errorBox.error = error) and hang up. See "Join: the camera and the room at once".',
    needs: [CONNECT],
  },
  async ({ openTabs }) => {
    const tabs = await openCall(openTabs);
    const query = new URL(tabs[0]!.page.url()).search;
    const [third] = await openTabs(1, { query, firstNumber: 3 });
    await waitFor(
      () => textOf(third!, '#error'),
      (text) => /full/i.test(text),
      {
        expected: 'tab 3’s #error saying the room is full',
        got: (text) => (text ? `#error says "${text}"` : '#error is empty'),
        timeout: 5_000,
        tabs: [third!],
      },
    );
    const still = await probe(tabs[0]!);
    if (!still?.connections.some((c) => c.connectionState === 'connected')) {
      await fail('tab 1 still in its call with tab 2', 'its call is no longer connected', { tabs });
    }
  },
);

check(
  'A denied camera is explained, and its place in the room is freed',
  {
    hint: 'When openCamera throws, show the error in <pl-error id="error"> and hang up, which leaves the room: a page that sends no video should not keep one of its two places. See "Join: the camera and the room at once".',
    needs: [CONNECT],
  },
  async ({ openTabs, openTabWithCameraDenied }) => {
    const query = `?room=${newRoom()}`;
    const denied = await openTabWithCameraDenied({ query });
    await expectCameraDenied(denied);
    // Two more tabs in that room: if tab 1 kept its place, one of them would find it full.
    const tabs = await openTabs(2, { query, firstNumber: 2 });
    for (const tab of tabs) await expectCall(tab, [denied, ...tabs]);
  },
);
