import '@peerlab/ui';
import { openCamera, startFrameLoop, stopStream, switchDevice } from '@peerlab/capture';
import { RoomCall } from '@peerlab/peer';
import { SignalingClient } from '@peerlab/signaling';
import type {
  DeviceChangeDetail,
  PlCallStatus,
  PlDevicePicker,
  PlError,
  PlVideo,
} from '@peerlab/ui';
import { RoomChat } from './room-chat.ts';
import { shareScreen } from './screen-share.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const roomInput = $<HTMLInputElement>('#room');
const sizeInput = $<HTMLInputElement>('#size');
const joinButton = $<HTMLButtonElement>('#join');
const leaveButton = $<HTMLButtonElement>('#leave');
const screenButton = $<HTMLButtonElement>('#share-screen');
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const localVideo = $<PlVideo>('#local');
const videos = $<HTMLElement>('#videos');
const pickers = [...document.querySelectorAll<PlDevicePicker>('pl-device-picker')];
const chatLog = $<HTMLOListElement>('#chat-log');
const chatInput = $<HTMLInputElement>('#chat-input');
const timings = $<HTMLParagraphElement>('#timings');

// A room name in the URL (?room=…) lets you share the call by sharing the link.
roomInput.value =
  new URLSearchParams(location.search).get('room') ??
  `lab-${Math.random().toString(36).slice(2, 6)}`;

/**
 * The hub connection is open before Join is clicked: the click then costs no WebSocket round
 * trips. The ICE servers come with the join's answer, TURN credentials in this peer's name.
 */
let nextSignaling = new SignalingClient();

let call: RoomCall | undefined;
let chat: RoomChat | undefined;
let capacity = 0;
let stopSharing: (() => void) | undefined;

$<HTMLFormElement>('#join-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  errorBox.error = null;
  performance.mark('join-clicked');
  setBusy(true);
  status.state = 'joining';
  // The room and the camera at once: neither waits for the other. Seeing your peers does not
  // need your camera; your tracks join every call as soon as it is on.
  const signaling = nextSignaling;
  const camera = openCamera({ preset: 'vga', audio: true }).then(
    (stream) => ({ stream }),
    (error: unknown) => ({ error }),
  );
  const current = new RoomCall({ signaling, channels: [RoomChat.channel] });
  call = current;
  chat = new RoomChat(current);
  wire(current, chat);
  void camera.then((media) => {
    if (call !== current) return 'stream' in media && stopStream(media.stream); // left meanwhile
    if ('error' in media) {
      errorBox.error = media.error; // <pl-error> explains camera errors by itself
      return leave(); // a page that can't send video leaves the room at once
    }
    localVideo.srcObject = media.stream;
    current.setLocalStream(media.stream);
    pickers.forEach((picker) => void picker.refresh()); // device names show once it is open
  });
  try {
    // Whoever creates the room sets its size; later joiners get the room as it is.
    ({ capacity } = await current.join(roomInput.value.trim(), sizeInput.valueAsNumber));
  } catch (error) {
    if (call !== current) return;
    errorBox.error = error; // such as "This room is full"
    return leave();
  }
  if (call !== current) return;
  history.replaceState(null, '', `?room=${encodeURIComponent(roomInput.value.trim())}`);
  updateStatus();
});

leaveButton.addEventListener('click', () => leave());

screenButton.addEventListener('click', async () => {
  if (stopSharing) return stopSharing();
  if (!call) return;
  try {
    stopSharing = await shareScreen(call, () => {
      stopSharing = undefined;
      screenButton.textContent = 'Share screen';
    });
    screenButton.textContent = 'Stop sharing';
  } catch (error) {
    errorBox.error = error; // such as "Permission denied" when the picker was closed
  }
});

$<HTMLFormElement>('#chat-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const text = chatInput.value.trim();
  if (!text || !chat) return;
  chat.send(text);
  chatInput.value = '';
});

// Another camera or microphone, mid-call: every peer gets the new track, with no renegotiation.
for (const picker of pickers) {
  picker.addEventListener('pl-device-change', async (event) => {
    const { kind, deviceId } = (event as CustomEvent<DeviceChangeDetail>).detail;
    const stream = call?.localStream;
    if (!call || !stream) return;
    const senders = [...call.sessions.values()].flatMap((session) => session.pc.getSenders());
    try {
      await switchDevice(stream, kind === 'videoinput' ? 'video' : 'audio', deviceId, senders);
    } catch (error) {
      errorBox.error = error; // the old device keeps sending
    }
  });
}

function wire(current: RoomCall, currentChat: RoomChat): void {
  current.on('peer-added', ({ peerId, session }) => {
    const video = document.createElement('pl-video');
    video.dataset.peerId = peerId;
    video.label = `Peer ${peerId.slice(0, 4)}`;
    video.srcObject = session.remoteStream;
    videos.append(video);
    void video.updateComplete.then(() => {
      const stop = startFrameLoop(video.video, () => {
        stop();
        if (performance.getEntriesByName('call-setup').length > 0) return;
        performance.mark('first-remote-frame');
        const setup = performance.measure('call-setup', 'join-clicked', 'first-remote-frame');
        timings.textContent = `First remote frame ${Math.round(setup.duration)} ms after you clicked Join.`;
      });
    });
    updateStatus();
  });
  current.on('peer-removed', ({ peerId }) => {
    videos.querySelector(`[data-peer-id="${peerId}"]`)?.remove();
    updateStatus();
  });
  current.on('peer-state', () => updateStatus());
  currentChat.on('ready-change', (ready) => {
    chatInput.disabled = !ready;
    $<HTMLButtonElement>('#chat-form button').disabled = !ready;
  });
  currentChat.on('line', ({ from, text, mine }) => {
    const line = document.createElement('li');
    line.className = mine ? 'mine' : '';
    line.textContent = `${mine ? 'You' : `Peer ${from.slice(0, 4)}`}: ${text}`;
    chatLog.append(line);
    line.scrollIntoView({ block: 'nearest' });
  });
  // A signaling refusal, or one peer's call failing: <pl-error> says which, and the rest go on.
  current.on('error', (error) => (errorBox.error = error));
  current.signaling.on('state', (state) => {
    if (state === 'reconnecting') status.state = 'reconnecting';
    else updateStatus();
  });
}

/** One status for the whole room: waiting alone, or the least advanced of the calls. */
function updateStatus(): void {
  if (!call) return;
  const states = [...call.sessions.values()].map((session) => session.connectionState);
  if (states.length === 0) status.state = 'waiting';
  else if (states.every((state) => state === 'connected')) status.state = 'connected';
  else status.state = states.find((state) => state !== 'connected') ?? 'connecting';
  status.detail = capacity ? `${states.length + 1} of ${capacity} in the room` : '';
}

function leave(): void {
  stopSharing?.();
  call?.leave();
  if (nextSignaling.state === 'closed') nextSignaling = new SignalingClient(); // for the next Join
  stopStream(call?.localStream);
  call = undefined;
  chat = undefined;
  capacity = 0;
  localVideo.srcObject = null;
  videos.querySelectorAll('pl-video:not(#local)').forEach((video) => video.remove());
  status.state = 'idle';
  status.detail = '';
  setBusy(false);
  chatInput.disabled = true;
}

function setBusy(inCall: boolean): void {
  joinButton.disabled = inCall;
  roomInput.disabled = sizeInput.disabled = inCall;
  leaveButton.disabled = screenButton.disabled = !inCall;
}

// The page handle (see `PageHandle` in @peerlab/testing): for DevTools, and what the e2e tests
// and benchmarks read. `peerlab.call.sessions` holds a PeerSession (and its `pc`) per peer.
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return call;
    },
  },
});
