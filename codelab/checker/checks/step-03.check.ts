import { check } from './check-app.ts';
import { click, element } from './page-elements.ts';
import { probe } from './page-report.ts';
import { tricklePitfall, videoFlagsPitfall } from './pitfalls.ts';
import { describeVideo, heldTracks, playing, trackStates, videoInfo } from './video-probe.ts';
import { fail, waitFor } from './wait-for.ts';

const CALL = 'Call connects two peer connections and the remote video plays';
const HAND_OVER =
  'pc1.onicecandidate = ({ candidate }) => handOver(candidate, pc2), and the same from pc2 to pc1';

check(
  CALL,
  {
    hint: 'connect() makes pc1 and pc2, hands each onicecandidate to the other one’s addIceCandidate, adds the camera tracks to pc1, and hands over the offer and the answer; pc2’s ontrack shows streams[0] in #remote. See "Connect".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await element(tab!, '#remote', 'a <pl-video id="remote"> (or <video id="remote">)');
    await click(tab!, '#call', 'the Call button, id="call"');
    await waitFor(() => videoInfo(tab!.page, '#remote'), playing, {
      expected: '#remote playing what pc2 receives',
      got: describeVideo,
      tabs: [tab!],
      diagnose: async () =>
        (await tricklePitfall([tab!], HAND_OVER)) ??
        (await handOverPitfall(tab!)) ??
        (await videoFlagsPitfall(tab!, '#remote', ['autoplay', 'playsinline'])),
    });
    // Connected, but maybe only through candidates that were in the SDP: hand each one over.
    const trickle = await tricklePitfall([tab!], HAND_OVER);
    if (trickle) {
      await fail('each connection handing its ICE candidates to the other', 'one hands over none', {
        tabs: [tab!],
        diagnose: () => trickle,
      });
    }
  },
);

/** Both connections find candidates, but neither gets any from the other. */
async function handOverPitfall(tab: Parameters<typeof probe>[0]) {
  const report = await probe(tab);
  const [pc1, pc2] = report?.connections ?? [];
  if (!pc1 || !pc2 || pc1.found === 0 || pc1.added + pc2.added > 0) return undefined;
  return 'both connections find candidates, but neither is handed any: in each onicecandidate, call the other connection’s addIceCandidate(candidate.toJSON()).';
}

check(
  'Hang up closes both connections and stops the camera',
  {
    hint: '<button id="hang-up"> calls close() on pc1 and pc2 and stop() on every track of the camera. See "Hang up".',
    needs: [CALL],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await click(tab!, '#call', 'the Call button, id="call"');
    await waitFor(() => videoInfo(tab!.page, '#remote'), playing, {
      expected: '#remote playing what pc2 receives',
      got: describeVideo,
    });
    const camera = await heldTracks(tab!.page, '#local');
    await click(tab!, '#hang-up', 'the Hang up button, id="hang-up"');
    await waitFor(
      async () => ({ tracks: await trackStates(camera), report: await probe(tab!) }),
      ({ tracks, report }) =>
        tracks.length > 0 &&
        tracks.every((state) => state.endsWith('ended')) &&
        (report?.connections ?? []).every((c) => c.signalingState === 'closed'),
      {
        expected: 'every camera track ended, and both connections closed',
        got: ({ tracks, report }) =>
          `the camera tracks are ${tracks.join(', ') || 'not found in #local'}; the connections are ` +
          (report?.connections.map((c) => `"${c.signalingState}"`).join(' and ') ?? 'unknown'),
        timeout: 5_000,
      },
    );
  },
);
