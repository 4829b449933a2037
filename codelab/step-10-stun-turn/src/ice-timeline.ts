// #region log-ice
import { iceUfrag, selectedPair, type CandidateInfo } from './selected-pair.ts';

/** Where a call's ICE shows: the timeline, the selected pair, the ufrag, and the time zero. */
export interface IceView {
  log: HTMLOListElement;
  pair: HTMLOutputElement;
  ufrag: HTMLOutputElement;
  since: number;
}

/** A timeline line such as `connection: checking +154 ms` (with `data-kind` and `data-value`). */
export function logIce(
  view: IceView,
  kind: 'connection' | 'gathering' | 'ufrag' | 'restart',
  value: string,
): void {
  const line = document.createElement('li');
  Object.assign(line.dataset, { kind, value });
  line.textContent = `${kind}: ${value} +${Math.round(performance.now() - view.since)} ms`;
  view.log.append(line);
}
// #endregion log-ice

// #region watch-ice
/**
 * Follows a connection's ICE: its states and each new ufrag in the timeline, and its selected
 * pair every second. Returns a function that stops watching.
 */
export function watchIce(pc: RTCPeerConnection, view: IceView): () => void {
  let ufrag: string | undefined;
  const onConnection = () => {
    logIce(view, 'connection', pc.iceConnectionState);
    void showPair(pc, view.pair);
  };
  const onGathering = () => logIce(view, 'gathering', pc.iceGatheringState);
  const onDescription = () => {
    // Each new local description may carry new ICE credentials: after a restart, it does.
    if (iceUfrag(pc) === ufrag) return;
    ufrag = iceUfrag(pc);
    logIce(view, 'ufrag', ufrag ?? 'none');
    view.ufrag.textContent = ufrag ?? 'none yet';
  };
  onConnection();
  pc.addEventListener('iceconnectionstatechange', onConnection);
  pc.addEventListener('icegatheringstatechange', onGathering);
  pc.addEventListener('signalingstatechange', onDescription);
  const timer = setInterval(() => void showPair(pc, view.pair), 1_000);
  return () => {
    clearInterval(timer);
    pc.removeEventListener('iceconnectionstatechange', onConnection);
    pc.removeEventListener('icegatheringstatechange', onGathering);
    pc.removeEventListener('signalingstatechange', onDescription);
  };
}
// #endregion watch-ice

// #region show-pair
/** Shows the selected pair as text, its candidate types and id as `data-*` attributes. */
async function showPair(pc: RTCPeerConnection, output: HTMLOutputElement): Promise<void> {
  const pair = await selectedPair(pc);
  // Chromium hides a peer-reflexive candidate's address: ICE learned it from a check, not from
  // the other side, so the page must not learn it either.
  const end = ({ type, protocol, address, port }: CandidateInfo) =>
    `${type} (${protocol} ${address || 'hidden'}:${port})`;
  output.textContent = pair ? `${end(pair.local)} ⇄ ${end(pair.remote)}` : 'none yet';
  output.dataset.localType = pair?.local.type ?? '';
  output.dataset.remoteType = pair?.remote.type ?? '';
  output.dataset.pairId = pair?.id ?? '';
}
// #endregion show-pair
