// #region setup
import '@peerlab/ui';
import { openCamera } from '@peerlab/capture';
import { RoomCall } from '@peerlab/peer';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { formatBytes } from './chunks.ts';
import { describeSendError } from './describe-send-error.ts';
import { PhotoReceiver, type ReceivedPhoto } from './photo-receiver.ts';
import { sendPhoto, type Photo, type SendReport } from './photo-sender.ts';
import { describeSize, drawFrame, encodeCanvas } from './snap-photo.ts';
import { showProgress, showReceived } from './transfer-view.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const localVideo = $<PlVideo>('#local');
const canvas = $<HTMLCanvasElement>('#snapshot');
const format = $<HTMLSelectElement>('#format');
const quality = $<HTMLInputElement>('#quality');
const snapButton = $<HTMLButtonElement>('#snap');
const sendButton = $<HTMLButtonElement>('#send');

// The room from the address (?room=…), or a new one: send the link to whoever gets the photos.
const room =
  new URLSearchParams(location.search).get('room') ??
  `photos-${Math.random().toString(36).slice(2, 6)}`;
history.replaceState(null, '', `?room=${encodeURIComponent(room)}`);
$('#room-name').textContent = room;
$<HTMLAnchorElement>('#invite').href = location.href;

/** The one other person in the room, and the photo channel to them. */
let peer:
  | {
      id: string;
      pc: RTCPeerConnection;
      channel: RTCDataChannel;
      receiver: PhotoReceiver;
      /** Aborted when the peer leaves: stops a send under way. */
      left: AbortController;
    }
  | undefined;
let photo: Photo | undefined;
let sending = false;
let lastSend: SendReport | undefined;
const received: ReceivedPhoto[] = [];
// #endregion setup

// #region join
async function join(): Promise<void> {
  status.state = 'joining';
  // No camera? You can still receive photos: say why Snap stays off, and join anyway.
  openCamera({ preset: 'vga' }).then(
    (stream) => (localVideo.srcObject = stream),
    (error: unknown) => (errorBox.error = error), // <pl-error> explains camera errors itself
  );
  // Step 6's call, for data only: no tracks, so the photo channel is all it negotiates.
  const call = new RoomCall();
  call.on('peer-added', ({ peerId, session }) => usePeer(peerId, session.pc));
  call.on('peer-removed', ({ peerId }) => peerLeft(peerId));
  call.on('peer-state', ({ state }) => (status.state = state));
  try {
    await call.join(room);
    if (!peer) status.state = 'waiting';
  } catch (error) {
    call.leave();
    status.state = 'idle';
    errorBox.error = error; // such as "This room is full"
  }
}
localVideo.addEventListener('pl-video-playing', () => (snapButton.disabled = false));
void join();
// #endregion join

// #region channel
/** Both sides open the photo channel with this id, so neither waits for `datachannel`. */
const PHOTO_CHANNEL_ID = 1;

function usePeer(id: string, pc: RTCPeerConnection): void {
  const channel = pc.createDataChannel('photo', { negotiated: true, id: PHOTO_CHANNEL_ID });
  channel.binaryType = 'arraybuffer'; // chunks come as ArrayBuffers, not Blobs
  const receiver = new PhotoReceiver({
    onProgress: (bytes, header) => showProgress('receive', header.name, bytes, header.size),
    onPhoto: addPhoto,
    onIncomplete: showIncomplete,
    reply: (ack) => {
      if (channel.readyState === 'open') channel.send(JSON.stringify(ack));
    },
  });
  channel.addEventListener('message', ({ data }) => receiver.handle(data));
  channel.addEventListener('open', updateSendButton);
  channel.addEventListener('close', () => {
    receiver.abort('the other side left');
    updateSendButton();
  });
  peer = { id, channel, pc, receiver, left: new AbortController() };
  updateSendButton();
}

function peerLeft(id: string): void {
  if (peer?.id !== id) return;
  // The call closed the connection without a `close` event: stop both directions ourselves.
  peer.receiver.abort('the other side left');
  peer.left.abort();
  peer = undefined;
  status.state = 'waiting';
  updateSendButton();
}
// #endregion channel

// #region snap
let snapCount = 0;

/** Snaps the camera's current frame (or any image you pass from DevTools). */
async function snap(
  source: CanvasImageSource = localVideo.video,
  width = localVideo.video.videoWidth,
  height = localVideo.video.videoHeight,
): Promise<void> {
  drawFrame(canvas, source, width, height);
  snapCount += 1;
  await encode();
}

/** Encodes the snapped frame in the chosen format and quality: the photo Send sends. */
async function encode(): Promise<void> {
  if (snapCount === 0) return;
  const blob = await encodeCanvas(canvas, format.value, Number(quality.value));
  const { width, height } = canvas;
  photo = { name: `photo-${snapCount}.${blob.type.replace('image/', '')}`, blob, width, height };
  $('#photo-size').textContent = describeSize(blob, width, height);
  updateSendButton();
}

snapButton.addEventListener('click', () => void snap());
for (const input of [format, quality]) {
  input.addEventListener('input', () => {
    $('#quality-value').textContent = Number(quality.value).toFixed(2);
    void encode(); // the same frame again: watch the size follow the slider
  });
}
// #endregion snap

// #region send
sendButton.addEventListener('click', async () => {
  if (!peer || !photo) return;
  const { channel, pc, left } = peer;
  const { name, blob } = photo;
  errorBox.error = null;
  sending = true;
  updateSendButton();
  try {
    lastSend = await sendPhoto(channel, photo, {
      maxMessageSize: pc.sctp?.maxMessageSize, // known once the connection is up
      signal: left.signal,
      onProgress: (bytes) => showProgress('send', name, bytes, blob.size),
    });
    const { chunks, chunkSize, verified } = lastSend;
    $('#send-status').textContent = verified
      ? `${name}: delivered in ${chunks} chunk${chunks === 1 ? '' : 's'} of up to ` +
        `${chunkSize / 1024} KiB, and your peer verified its SHA-256.`
      : `${name}: your peer got it, but its SHA-256 did not match. Send it again.`;
  } catch (error) {
    const peerGone = left.signal.aborted || channel.readyState !== 'open';
    errorBox.error = describeSendError(error, blob.size, peerGone);
  } finally {
    sending = false;
    updateSendButton();
  }
});
// #endregion send

// #region receive
function addPhoto(photo: ReceivedPhoto): void {
  received.push(photo);
  showReceived($('#received'), photo);
  $('#receive-status').textContent =
    `${photo.header.name}: received ${formatBytes(photo.header.size)}, SHA-256 verified.`;
}

function showIncomplete(reason: string): void {
  $('#receive-status').textContent = 'Transfer incomplete: the partial photo was discarded.';
  errorBox.error = {
    title: 'Transfer incomplete',
    message: `The partial photo was discarded: ${reason}.`,
    fix: 'Ask your peer to send it again.',
  };
}
// #endregion receive

// #region send-state
/** Send works with a photo, an open channel and no send under way; otherwise it says why not. */
function updateSendButton(): void {
  const reason = sending
    ? 'Sending…'
    : !peer
      ? 'Nobody else is in the room yet: open the link above in another tab.'
      : peer.channel.readyState === 'connecting'
        ? 'Connecting to your peer…'
        : peer.channel.readyState !== 'open'
          ? 'Your peer has left.'
          : !photo
            ? 'Snap a photo first.'
            : '';
  sendButton.disabled = reason !== '';
  $('#send-reason').textContent = reason;
}
// #endregion send-state

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.channel.bufferedAmount`, `peerlab.lastSend.maxBuffered`…
Object.defineProperty(window, 'peerlab', {
  value: {
    get channel() {
      return peer?.channel;
    },
    get pc() {
      return peer?.pc;
    },
    get photo() {
      return photo;
    },
    get lastSend() {
      return lastSend;
    },
    received,
    snap,
  },
});
// #endregion devtools
