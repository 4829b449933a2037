// #region setup
import '@peerlab/ui';
import { openCamera, stopStream } from '@peerlab/capture';
import { RoomCall, type PeerSession } from '@peerlab/peer';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { gatherCandidates } from './gather-candidates.ts';
import { fetchIceConfig, isTurn, showIceServers } from './ice-servers.ts';
import { logIce, watchIce, type IceView } from './ice-timeline.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const serverList = $<HTMLUListElement>('#ice-servers');
const noTurnNotice = $<HTMLElement>('#no-turn');
const relayOnly = $<HTMLInputElement>('#relay-only');
const gatherButton = $<HTMLButtonElement>('#gather');
const gatherSummary = $<HTMLOutputElement>('#gather-summary');
const candidateList = $<HTMLOListElement>('#candidates');
const roomInput = $<HTMLInputElement>('#room');
const joinButton = $<HTMLButtonElement>('#join');
const leaveButton = $<HTMLButtonElement>('#leave');
const restartButton = $<HTMLButtonElement>('#restart-ice');
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const localVideo = $<PlVideo>('#local');
const remoteVideo = $<PlVideo>('#remote');
const iceView: IceView = {
  log: $<HTMLOListElement>('#ice-log'),
  pair: $<HTMLOutputElement>('#selected-pair'),
  ufrag: $<HTMLOutputElement>('#ufrag'),
  since: 0,
};

// A room name in the URL (?room=…) lets two tabs meet.
roomInput.value =
  new URLSearchParams(location.search).get('room') ??
  `ice-${Math.random().toString(36).slice(2, 6)}`;

/** `relay` sends everything through TURN; `all` lets ICE pick the cheapest path that works. */
const policy = (): RTCIceTransportPolicy => (relayOnly.checked ? 'relay' : 'all');
// #endregion setup

// #region load-servers
/** Asks the hub again each time it is needed: TURN credentials expire. */
async function loadIceServers(): Promise<RTCIceServer[]> {
  let iceServers: RTCIceServer[] = [];
  try {
    ({ iceServers } = await fetchIceConfig());
    showIceServers(serverList, iceServers);
  } catch (error) {
    serverList.textContent = `${(error as Error).message}: going on with no STUN or TURN server.`;
  }
  noTurnNotice.hidden = iceServers.some(isTurn);
  $('#no-turn [data-show=without-turn]').textContent =
    iceServers.length === 0
      ? 'only host candidates on this network.'
      : 'host and server-reflexive (srflx) candidates only, never a relay.';
  return iceServers;
}
void loadIceServers();
// #endregion load-servers

// #region gather-panel
gatherButton.addEventListener('click', async () => {
  gatherButton.disabled = true;
  candidateList.replaceChildren();
  gatherSummary.textContent = 'Gathering…';
  const iceServers = await loadIceServers();
  const counts: Record<string, number> = { host: 0, srflx: 0, relay: 0 };
  const startedAt = performance.now();
  try {
    await gatherCandidates({ iceServers, iceTransportPolicy: policy() }, (candidate) => {
      const type = candidate.type ?? 'unknown';
      counts[type] = (counts[type] ?? 0) + 1;
      const item = document.createElement('li');
      item.dataset.type = type;
      item.textContent = `${type} ${candidate.protocol} ${candidate.address}:${candidate.port}`;
      candidateList.append(item);
    });
    const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
    const perType = Object.entries(counts).map(([type, count]) => `${type} ${count}`);
    gatherSummary.textContent =
      `Complete in ${Math.round(performance.now() - startedAt)} ms: ${perType.join(', ')}.` +
      (total === 0 && relayOnly.checked ? ' Relay only, and no TURN server gave a relay.' : '');
  } catch (error) {
    gatherSummary.textContent = `Could not gather: ${(error as Error).message}`;
  } finally {
    gatherButton.disabled = false;
  }
});
// #endregion gather-panel

// #region join
let call: RoomCall | undefined;
let stopWatching: (() => void) | undefined;

$<HTMLFormElement>('#join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.error = null;
  setInCall(true);
  iceView.since = performance.now();
  iceView.log.replaceChildren();
  const iceServers = await loadIceServers();
  if (relayOnly.checked && !iceServers.some(isTurn)) {
    errorBox.error = {
      title: 'Relay only needs a TURN server',
      message:
        'The hub gave no TURN server, so this call would find no candidates and never connect.',
      fix: 'Untick Relay only, or start coturn and the hub with --turn-url (see above).',
    };
    return leave();
  }
  status.state = 'joining';
  let stream: MediaStream;
  try {
    stream = await openCamera({ preset: 'vga' });
  } catch (error) {
    errorBox.error = error; // <pl-error> explains camera errors by itself
    return leave();
  }
  localVideo.srcObject = stream;
  call = new RoomCall({
    localStream: stream,
    iceServers,
    iceTransportPolicy: policy(),
  });
  call.on('peer-added', ({ session }) => showPeer(session));
  call.on('peer-removed', () => showPeerGone());
  call.on('peer-state', ({ state }) => (status.state = state));
  call.on('error', (error) => (errorBox.error = error));
  try {
    await call.join(roomInput.value.trim());
  } catch (error) {
    errorBox.error = error; // such as "This room is full"
    return leave();
  }
  history.replaceState(null, '', `?room=${encodeURIComponent(roomInput.value.trim())}`);
  if (call.sessions.size === 0) status.state = 'waiting';
});

// #endregion join

// #region show-peer
function showPeer(session: PeerSession): void {
  remoteVideo.srcObject = session.remoteStream;
  stopWatching?.();
  stopWatching = watchIce(session.pc, iceView);
  restartButton.disabled = false;
}
// #endregion show-peer

// #region restart
restartButton.addEventListener('click', () => {
  const session = call?.sessions.values().next().value;
  if (!session) return;
  logIce(iceView, 'restart', 'asked');
  // Fires negotiationneeded: the next offer carries a new ufrag and password, both sides gather
  // again, and ICE checks the new pairs while the old one still carries the media.
  session.pc.restartIce();
});
// #endregion restart

// #region leave
function showPeerGone(): void {
  stopWatching?.();
  stopWatching = undefined;
  iceView.pair.textContent = iceView.ufrag.textContent = 'none yet';
  remoteVideo.srcObject = null;
  restartButton.disabled = true;
  status.state = 'waiting';
}

function leave(): void {
  showPeerGone();
  call?.leave();
  call = undefined;
  stopStream(localVideo.srcObject as MediaStream | null);
  localVideo.srcObject = null;
  status.state = 'idle';
  setInCall(false);
}
leaveButton.addEventListener('click', leave);

function setInCall(inCall: boolean): void {
  joinButton.disabled = inCall;
  roomInput.disabled = inCall;
  relayOnly.disabled = inCall; // the policy is set when the connection is created
  leaveButton.disabled = !inCall;
}
// #endregion leave

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.pc.getStats()`, `peerlab.pc.getConfiguration()`…
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return call;
    },
    get pc() {
      return call?.sessions.values().next().value?.pc;
    },
  },
});
// #endregion devtools
