/** The two tables of the call-setup-vs-codelab report: the critical path, and every phase. */
import { median, round } from './stats.ts';

/** A call set up once: both tabs' marks, in milliseconds after the second tab's navigation start. */
export interface Run {
  span: number;
  first: Record<string, number>;
  second: Record<string, number>;
  /** Tab 2's scripts: request → last byte, by URL. */
  scripts: Record<string, number>;
}

/** Phases of the timeline: [label, tab, mark]. Tab 1 was in the room first, tab 2 is measured. */
const PHASES: [string, 1 | 2, string][] = [
  ['tab 2: HTML received', 2, 'html-received'],
  ['tab 2: scripts received (the last one)', 2, 'scripts-received'],
  ['tab 2: DOMContentLoaded', 2, 'dom-content-loaded'],
  ['tab 2: load', 2, 'load'],
  ['tab 2: getUserMedia called', 2, 'gum-called'],
  ['tab 2: getUserMedia resolved', 2, 'gum-resolved'],
  ['tab 2: socket transport open (WebSocket / first poll)', 2, 'transport-open'],
  ['tab 2: socket.io connected', 2, 'socket-connected'],
  ['tab 2: join sent', 2, 'join-sent'],
  ['tab 2: join acknowledged', 2, 'join-ack'],
  ['tab 1: told a peer joined', 1, 'peer-joined'],
  ['tab 1: RTCPeerConnection created', 1, 'pc-created'],
  ['tab 2: RTCPeerConnection created', 2, 'pc-created'],
  ['tab 1: offer set (setLocalDescription)', 1, 'local-offer-set'],
  ['tab 1: offer sent', 1, 'offer-out'],
  ['tab 2: offer received', 2, 'offer-in'],
  ['tab 2: answer set', 2, 'local-answer-set'],
  ['tab 2: answer sent', 2, 'answer-out'],
  ['tab 1: answer received', 1, 'answer-in'],
  ['tab 2: first ICE candidate received', 2, 'candidate-in'],
  ['tab 2: ICE connected', 2, 'ice-connected'],
  ['tab 2: connected (DTLS up)', 2, 'connected'],
  ['tab 2: remote track', 2, 'track'],
  ['tab 2: first remote frame', 2, 'remote-frame'],
  ['tab 2: main thread in long tasks until then (ms, a duration)', 2, 'long-tasks'],
];

/** The critical path as steps: [label, tab, mark that ends the step]; each from the one before. */
const STEPS: [string, 1 | 2, string][] = [
  ['page loads until its script runs (tab 2)', 2, 'script-runs'],
  ['script runs → join acknowledged (tab 2)', 2, 'join-ack'],
  ['→ tab 1 creates its RTCPeerConnection', 1, 'pc-created'],
  ['→ tab 1 sends its offer', 1, 'offer-out'],
  ['→ tab 2 receives it', 2, 'offer-in'],
  ['→ tab 2 sends its answer', 2, 'answer-out'],
  ['→ tab 2 ICE connected', 2, 'ice-connected'],
  ['→ tab 2 connected (DTLS)', 2, 'connected'],
  ['→ tab 2 first remote frame', 2, 'remote-frame'],
];

/** Per run, each step's length; then the median of each. Steadier than medians of moments. */
export function criticalPathTable(names: string[], runs: Record<string, Run[]>): string {
  const at = (run: Run, tab: 1 | 2, mark: string) => {
    const marks = tab === 1 ? run.first : run.second;
    if (mark !== 'script-runs') return marks[mark];
    const starts = ['gum-called', 'ws-created', 'xhr-created'].map((name) => marks[name]);
    return Math.min(...starts.filter((t): t is number => t !== undefined));
  };
  /** Each step's length in one run, from the latest moment reached before it; < 0: done ahead. */
  const lengthsOf = (run: Run) => {
    let reached = 0;
    return STEPS.map(([, tab, mark]) => {
      const end = at(run, tab, mark);
      if (end === undefined) return undefined;
      const length = end - reached;
      reached = Math.max(reached, end);
      return length;
    });
  };
  const cell = (name: string, step: number) => {
    const lengths = runs[name]!.map((run) => lengthsOf(run)[step]);
    const present = lengths.filter((value): value is number => value !== undefined);
    if (present.length === 0) return '—';
    const typical = median(present);
    // PeerLab's tab 1 makes the next peer's call while it waits alone.
    return typical < 0 ? 'done ahead' : `${round(typical, 0)}`;
  };
  return [
    `| step (median of each run's ms) | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---:').join(' | ')} |`,
    ...STEPS.map(
      ([label], step) => `| ${label} | ${names.map((name) => cell(name, step)).join(' | ')} |`,
    ),
  ].join('\n');
}

export function timelineTable(names: string[], runs: Record<string, Run[]>): string {
  const cell = (name: string, tab: 1 | 2, mark: string) => {
    const values = runs[name]!.map((run) => (tab === 1 ? run.first : run.second)[mark]);
    const present = values.filter((value): value is number => value !== undefined);
    return present.length === 0 ? '—' : `${round(median(present), 0)}`;
  };
  return [
    `| phase (median ms after tab 2's navigation start) | ${names.join(' | ')} |`,
    `| --- | ${names.map(() => '---:').join(' | ')} |`,
    ...PHASES.map(
      ([label, tab, mark]) =>
        `| ${label} | ${names.map((name) => cell(name, tab, mark)).join(' | ')} |`,
    ),
  ].join('\n');
}
