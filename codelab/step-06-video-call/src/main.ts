// #region setup
import '@peerlab/ui';
import { openCamera, stopStream } from '@peerlab/capture';
import { SignalingClient, type PeerInfo, type SignalPayload } from '@peerlab/signaling';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { negotiate } from './perfect-negotiation.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const roomInput = $<HTMLInputElement>('#room');
const joinButton = $<HTMLButtonElement>('#join');
const hangUpButton = $<HTMLButtonElement>('#hang-up');
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const localVideo = $<PlVideo>('#local');
const remoteVideo = $<PlVideo>('#remote');

/** While this page is in a room: its signaling connection, and its camera once it is on. */
interface InRoom {
  signaling: SignalingClient;
  stream?: MediaStream;
  /** True once the server said we are in. */
  inRoom?: boolean;
}
let joined: InRoom | undefined;

/** One RTCPeerConnection and its negotiation, with one peer. */
interface Call {
  /** Who the call is with; unset while the call is a spare, kept ready for the next peer. */
  peerId?: string;
  pc: RTCPeerConnection;
  receive: (payload: SignalPayload) => void;
  /** What the call said before it knew to whom: it goes out as soon as it does. */
  unsent: SignalPayload[];
}
/** The call with the other peer of the room, while there is one. */
let call: Call | undefined;
/** While we wait alone in the room: a spare call, made ready for the next peer (`prepareSpare`). */
let spare: Call | undefined;
// #endregion setup

// #region join
async function join(room: string): Promise<void> {
  setInRoom(true);
  errorBox.error = null;
  status.state = 'joining';
  const signaling = new SignalingClient();
  const here: InRoom = { signaling };
  joined = here;
  // The camera and the room at once: neither waits for the other, and seeing your peer does
  // not need your camera. Your tracks join the call as soon as the camera is on.
  void startCamera(here);
  signaling.on('peer-joined', (peer) => startCall(peer)); // we were here first: impolite
  signaling.on('signal', ({ from, payload }) => {
    if (from === call?.peerId) call.receive(payload);
  });
  signaling.on('peer-left', ({ peerId }) => peerLeft(peerId));
  signaling.on('error', (error) => (errorBox.error = error)); // <pl-error> words it by its code
  try {
    const { peers } = await signaling.join(room);
    if (joined !== here) return; // hung up meanwhile, say for a denied camera
    history.replaceState(null, '', `?room=${encodeURIComponent(room)}`); // a link to share
    here.inRoom = true;
    // Someone was here first: call them, as the polite side. Else wait for "peer-joined".
    if (peers[0]) startCall(peers[0]);
    else waitForPeer();
  } catch (error) {
    if (joined !== here) return;
    errorBox.error = error; // such as "This room is full"
    hangUp();
  }
}

async function startCamera(here: InRoom): Promise<void> {
  let stream: MediaStream;
  try {
    stream = await openCamera({ preset: 'vga', audio: true });
  } catch (error) {
    if (joined !== here) return;
    errorBox.error = error; // <pl-error> explains camera errors by itself
    return hangUp(); // a page that can't send video leaves the room at once
  }
  if (joined !== here) return stopStream(stream); // hung up while the camera opened
  here.stream = stream;
  localVideo.srcObject = stream;
  if (call) sendCamera(call.pc, stream);
  else prepareSpare();
}

$<HTMLFormElement>('#join-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void join(roomInput.value.trim());
});
// A link with ?room=… joins at once: whoever opens it is in the call.
roomInput.value = new URLSearchParams(location.search).get('room') ?? '';
if (roomInput.value) void join(roomInput.value);
// #endregion join

// #region start-call
/** Calls `peer`: with the spare call if we were here first, else a new one. */
function startCall({ peerId, polite }: PeerInfo): void {
  if (!joined || call) return; // a two-person page: one call at a time
  // Impolite (we were here first) means we make the offer: the spare has it made already.
  call = (!polite && spare) || newCall(polite);
  if (call === spare) spare = undefined;
  call.peerId = peerId;
  for (const payload of call.unsent.splice(0)) joined.signaling.send(peerId, payload);
  status.state = call.pc.connectionState;
  status.detail = `with peer ${peerId.slice(0, 4)}: you are ${polite ? 'polite' : 'impolite'}`;
}

/** One RTCPeerConnection, the camera's tracks on it, negotiated perfectly. */
function newCall(polite: boolean): Call {
  const { stream, signaling } = joined!;
  // No ICE servers: host candidates connect two tabs, or two machines on one network.
  const pc = new RTCPeerConnection();
  const made: Call = { pc, unsent: [], receive: () => {} };
  made.receive = negotiate(pc, {
    polite,
    send: (payload) =>
      made.peerId ? signaling.send(made.peerId, payload) : made.unsent.push(payload),
    onError: (error) => {
      const message = error instanceof Error ? error.message : String(error);
      errorBox.error = {
        title: 'The call could not be set up',
        message,
        fix: 'Hang up, join again.',
      };
    },
  });
  pc.ontrack = ({ streams }) => (remoteVideo.srcObject = streams[0] ?? null);
  pc.onconnectionstatechange = () => {
    if (made === call) status.state = pc.connectionState;
  };
  if (stream) sendCamera(pc, stream); // else as soon as the camera is on
  return made;
}

/** Sends the camera and microphone: each new track asks for a negotiation by itself. */
function sendCamera(pc: RTCPeerConnection, stream: MediaStream): void {
  for (const track of stream.getTracks()) pc.addTrack(track, stream);
}
// #endregion start-call

// #region spare-call
/** Alone in the room: the next peer to join gets a call. */
function waitForPeer(): void {
  status.state = 'waiting';
  prepareSpare();
}

/**
 * Waiting alone with the camera on, make the next peer's call before it comes: the
 * connection, your tracks on it, the offer and the ICE candidates are all ready, and go out
 * the moment it joins. Its video then starts sooner by the time these take.
 */
function prepareSpare(): void {
  if (!joined?.inRoom || !joined.stream || call || spare) return;
  spare = newCall(false); // we were here first: impolite toward whoever comes
}
// #endregion spare-call

// #region peer-left
function peerLeft(peerId: string): void {
  if (peerId !== call?.peerId) return;
  endCall();
  waitForPeer(); // still in the room: the next peer to join gets a new call
  status.detail = `Peer ${peerId.slice(0, 4)} left.`;
}

/** Ends the call with the other peer; this page keeps its camera and its place in the room. */
function endCall(): void {
  call?.pc.close(); // fires no connectionstatechange: a close of our own is no news to us
  call = undefined;
  remoteVideo.srcObject = null;
}
// #endregion peer-left

// #region hang-up
function hangUp(): void {
  endCall();
  spare?.pc.close();
  spare = undefined;
  joined?.signaling.close(); // leaves the room first, so the other side hears it at once
  stopStream(joined?.stream); // the camera's light goes off
  joined = undefined;
  localVideo.srcObject = null;
  status.state = 'idle';
  status.detail = '';
  setInRoom(false);
}
hangUpButton.addEventListener('click', hangUp);
addEventListener('pagehide', hangUp); // closing the tab hangs up too

function setInRoom(inRoom: boolean): void {
  joinButton.disabled = inRoom;
  roomInput.disabled = inRoom;
  hangUpButton.disabled = !inRoom;
}
// #endregion hang-up

// #region devtools
// For exploring in DevTools: `peerlab.call.pc.getStats()`, `peerlab.spare`, `peerlab.signaling`…
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return call;
    },
    get spare() {
      return spare;
    },
    get signaling() {
      return joined?.signaling;
    },
  },
});
// #endregion devtools
