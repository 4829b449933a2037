/**
 * Known mistakes, found from what the page did, each told with the line of the learner's code
 * to look at: a `<video>` without `muted` or `playsinline`, trickle-ICE code that never runs,
 * the polite side making the very first offer.
 */
import { findInApp, returnBefore, where } from './app-source.ts';
import { probe, type Tab } from './page-report.ts';
import { videoInfo } from './video-probe.ts';

type Flag = 'autoplay' | 'muted' | 'playsinline';

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const WHY: Record<Flag, string> = {
  autoplay: 'without autoplay a stream shows one frame, or nothing, and stops',
  muted: 'without muted the browser may refuse to start it before a click',
  playsinline: 'without playsinline an iPhone opens it full screen',
};

/** The flags `selector`'s video lacks, told with the line that makes it; undefined if none. */
export async function videoFlagsPitfall(
  tab: Tab,
  selector: string,
  needed: readonly Flag[],
): Promise<string | undefined> {
  const video = await videoInfo(tab.page, selector);
  if (!video.found) return undefined;
  const missing = needed.filter((flag) => !video.flags[flag]);
  if (missing.length === 0) return undefined;
  const id = selector.replace(/^#/, '');
  const [line] = findInApp(new RegExp(`<video[^>]*id=["']${id}["']|id=["']${id}["'][^>]*>`));
  const at = line ? ` (${where(line)}: ${line.text})` : '';
  return (
    `the video ${selector} has no ${missing.join(' and no ')}: add ${missing.join(' ')} to it${at}. ` +
    `${capitalize(missing.map((flag) => WHY[flag]).join('; '))}.`
  );
}

/**
 * Candidates found but never sent: `onicecandidate` never set (the line after a `return`, or
 * missing), or set but sending nothing. `fix` is the line to write, for the step at hand.
 */
export async function tricklePitfall(
  tabs: readonly Tab[],
  fix: string,
): Promise<string | undefined> {
  for (const tab of tabs) {
    const report = await probe(tab);
    const silent = report?.connections.find((c) => c.found > 0 && !c.listensForCandidates);
    if (silent) {
      const [line] = findInApp(/\.onicecandidate\s*=|addEventListener\(\s*['"]icecandidate/);
      if (!line) {
        return `${tab.name} finds ICE candidates, but no line of your code sets pc.onicecandidate: add ${fix}`;
      }
      const blocker = returnBefore(line);
      const why = blocker
        ? `it comes after the \`return\` on line ${blocker}, so it never runs: move it above that return`
        : 'the code around it never runs for this connection';
      return `${tab.name} finds ICE candidates but never sends one: ${where(line)} sets pc.onicecandidate, but ${why}.`;
    }
    const unsent = report?.signaling.sockets
      ? report.connections.find((c) => c.found > 0) && report.signaling.candidatesSent === 0
      : false;
    if (unsent) {
      const [line] = findInApp(/\.onicecandidate\s*=/);
      return `${tab.name} finds ICE candidates, and its onicecandidate${line ? ` (${where(line)})` : ''} runs, but sends none through signaling: send each as ${fix}`;
    }
  }
  return undefined;
}

/**
 * The polite tab (the one that joined later) made an offer before it had the other's: without
 * `if (polite && !pc.remoteDescription) return;` at the top of `onnegotiationneeded`.
 */
export async function politeFirstOfferPitfall(polite: Tab): Promise<string | undefined> {
  const report = await probe(polite);
  if (!report?.connections.some((c) => c.offeredFirst)) return undefined;
  const [line] = findInApp(/onnegotiationneeded|['"]negotiationneeded['"]/);
  const at = line ? `, at the top of the handler (${where(line)})` : ' in pc.onnegotiationneeded';
  return (
    `${polite.name} joined second (it is polite) but made its own offer before the first tab's ` +
    `arrived. Add \`if (polite && !pc.remoteDescription) return;\`${at}: Chromium stops ` +
    'gathering ICE candidates on a side whose very first offer is rolled back, and the call ' +
    'then fails now and then.'
  );
}
