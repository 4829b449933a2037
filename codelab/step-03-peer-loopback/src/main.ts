// #region setup
import '@peerlab/ui';
import { describeMediaError, openCamera, stopStream } from '@peerlab/capture';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const callButton = $<HTMLButtonElement>('#call');
const hangUpButton = $<HTMLButtonElement>('#hang-up');
const localVideo = $<PlVideo>('#local');
const remoteVideo = $<PlVideo>('#remote');
const logList = $<HTMLOListElement>('#log');
const errorBox = $<PlError>('#error');

/** The call: both connections and the camera pc1 sends. */
let call: { pc1: RTCPeerConnection; pc2: RTCPeerConnection; stream: MediaStream } | undefined;
let callStartedAt = 0;
// #endregion setup

// #region log
/** Adds a line to the timeline: what happened, and how long after the Call click. */
function log(what: string): void {
  const line = document.createElement('li');
  line.textContent = `${what} +${Math.round(performance.now() - callStartedAt)} ms`;
  logList.append(line);
}
// #endregion log

// #region call
callButton.addEventListener('click', async () => {
  callButton.disabled = true;
  errorBox.error = null;
  logList.replaceChildren();
  callStartedAt = performance.now();
  let stream: MediaStream;
  try {
    stream = await openCamera({ preset: 'vga', audio: true });
  } catch (error) {
    errorBox.error = describeMediaError(error);
    callButton.disabled = false;
    return;
  }
  log('camera open');
  localVideo.srcObject = stream;
  hangUpButton.disabled = false;
  try {
    await connect(stream);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    errorBox.error = { title: 'The call could not be set up', message, fix: 'Reload the page.' };
    hangUp();
  }
});
// #endregion call

// #region connect
async function connect(stream: MediaStream): Promise<void> {
  // No ICE servers: both ends are in this page, so local (host) candidates are all it takes.
  const pc1 = new RTCPeerConnection();
  const pc2 = new RTCPeerConnection();
  call = { pc1, pc2, stream };
  showState(pc1, 'pc1');
  showState(pc2, 'pc2');

  // Whatever candidate one connection finds, the other must learn.
  pc1.onicecandidate = ({ candidate }) => handOver(candidate, 'pc1', pc2);
  pc2.onicecandidate = ({ candidate }) => handOver(candidate, 'pc2', pc1);

  // pc1 sends the camera, pc2 shows what it receives.
  pc2.ontrack = ({ track, streams }) => {
    log(`pc2 got the ${track.kind} track`);
    // Both tracks come in the stream pc1 added them with, ready for the <video>.
    remoteVideo.srcObject = streams[0]!;
  };
  for (const track of stream.getTracks()) pc1.addTrack(track, stream);

  // The offer, then the answer.
  const offer = await pc1.createOffer();
  log('offer created');
  await pc1.setLocalDescription(offer); // pc1 starts gathering its ICE candidates
  await pc2.setRemoteDescription(offer);
  log('offer handed to pc2');
  const answer = await pc2.createAnswer();
  log('answer created');
  await pc2.setLocalDescription(answer);
  await pc1.setRemoteDescription(answer);
  log('answer handed to pc1');
}
// #endregion connect

// #region hand-over
/** Gives one ICE candidate of `from` to the other connection, `to`. */
function handOver(candidate: RTCIceCandidate | null, from: string, to: RTCPeerConnection): void {
  if (!candidate) return log(`${from} found all its candidates`);
  const { sdpMid, type, protocol, address } = candidate;
  log(`${from} candidate for sdpMid ${sdpMid}: ${type} ${protocol} ${address}`);
  // The whole candidate, as JSON: sdpMid and sdpMLineIndex say which media section it is for.
  to.addIceCandidate(candidate.toJSON()).catch((error: Error) => {
    log(`${from} candidate rejected: ${error.message}`);
  });
}
// #endregion hand-over

// #region state
function showState(pc: RTCPeerConnection, name: 'pc1' | 'pc2'): void {
  pc.onconnectionstatechange = () => {
    log(`${name} ${pc.connectionState}`);
    $<PlCallStatus>(`#${name}-state`).state = pc.connectionState;
  };
}
remoteVideo.addEventListener('pl-video-playing', () => log('pc2 video playing'));
// #endregion state

// #region hang-up
function hangUp(): void {
  if (!call) return;
  // close() ends the call at once; the connection fires no event for a close of its own.
  call.pc1.close();
  call.pc2.close();
  stopStream(call.stream); // the camera's light goes off
  log('hung up');
  for (const name of ['pc1', 'pc2']) $<PlCallStatus>(`#${name}-state`).state = 'closed';
  localVideo.srcObject = null;
  remoteVideo.srcObject = null;
  hangUpButton.disabled = true;
  callButton.disabled = false;
}
hangUpButton.addEventListener('click', hangUp);
// #endregion hang-up

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.call.pc1.getStats()`, `peerlab.call.pc2.localDescription`…
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return call;
    },
  },
});
// #endregion devtools
