import type { Page } from '@peerlab/testing';
import type { ProbeReport, ProbedConnection } from './page-probe.ts';

/** One page of the app under check, with what it printed as errors. */
export interface Tab {
  page: Page;
  /** `tab 1`, `tab 2`…, in the order the check opened them. */
  name: string;
  /** Console errors and uncaught exceptions, oldest first. */
  errors: string[];
}

/** What the probe saw in `tab` (nothing, once the page is closed). */
export async function probe(tab: Tab): Promise<ProbeReport | undefined> {
  if (tab.page.isClosed()) return undefined;
  return tab.page
    .evaluate(() => (window as unknown as { __peerlabCheck: () => ProbeReport }).__peerlabCheck())
    .catch(() => undefined);
}

/** `connectionState "new", signalingState "have-local-offer"; ICE candidates: 3 found, …`. */
export function describeConnection(
  connection: ProbedConnection,
  signaling: ProbeReport['signaling'],
): string {
  const ice = [
    `${connection.found} found`,
    ...(signaling.sockets > 0
      ? [`${signaling.candidatesSent} sent`, `${signaling.candidatesReceived} received`]
      : []),
    `${connection.added} added with addIceCandidate`,
    ...(connection.refused > 0 ? [`${connection.refused} refused`] : []),
  ];
  return (
    `connectionState "${connection.connectionState}", signalingState ` +
    `"${connection.signalingState}"; ICE candidates: ${ice.join(', ')}`
  );
}

/** Everything worth knowing about the calls of `tabs`, one line per tab. */
export async function describeTabs(tabs: readonly Tab[]): Promise<string[]> {
  const lines: string[] = [];
  for (const tab of tabs) {
    const report = await probe(tab);
    const errors = tab.errors.length
      ? `console errors: ${tab.errors.slice(0, 3).join(' | ')}${tab.errors.length > 3 ? ' …' : ''}`
      : 'no console errors';
    if (!report) {
      lines.push(`${tab.name}: closed; ${errors}.`);
      continue;
    }
    // A spare made ready for the next peer is not part of the call: show the connections in use.
    const live = report.connections.filter((c) => c.signalingState !== 'closed');
    const shown = live.length > 0 ? live : report.connections;
    const calls =
      shown.length <= 1
        ? ((shown[0] && describeConnection(shown[0], report.signaling)) ?? 'no RTCPeerConnection')
        : shown
            .map((c, i) => `pc #${i + 1}: ${describeConnection(c, report.signaling)}`)
            .join('; ');
    lines.push(`${tab.name}: ${calls}; ${errors}.`);
  }
  return lines;
}
