// #region setup
import '@peerlab/ui';
import '@peerlab/stats';
import { openCamera, stopStream } from '@peerlab/capture';
import { RoomCall } from '@peerlab/peer';
import type { PlStatsGraph } from '@peerlab/stats';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { METRIC_NAMES, takeReading, toMetrics } from './video-stats.ts';
import type { MetricName, Metrics, Reading } from './video-stats.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const status = $<PlCallStatus>('#status');
const errorBox = $<PlError>('#error');
const localVideo = $<PlVideo>('#local');
const remoteVideo = $<PlVideo>('#remote');
const rawReport = $<HTMLPreElement>('#raw-report');

// The room is in the link, so sharing the link shares the call.
const room =
  new URLSearchParams(location.search).get('room') ?? `lab-${crypto.randomUUID().slice(0, 6)}`;
history.replaceState(null, '', `?room=${encodeURIComponent(room)}`);
$<HTMLAnchorElement>('#room-link').href = location.href;
$<HTMLAnchorElement>('#room-link').textContent = room;
// #endregion setup

// #region call
// The call is step 6's, from the packages: camera, signaling, one peer connection per peer.
let call: RoomCall | undefined;
let stopSampling = () => {};

async function joinCall(): Promise<void> {
  status.state = 'joining';
  let camera: MediaStream;
  try {
    camera = await openCamera({ preset: 'vga', audio: true });
  } catch (error) {
    status.state = 'idle';
    errorBox.error = error; // <pl-error> explains camera errors by itself
    return;
  }
  localVideo.srcObject = camera;
  call = new RoomCall({ localStream: camera });
  call.on('peer-added', ({ session }) => {
    remoteVideo.srcObject = session.remoteStream;
    stopSampling = sampleEverySecond(session.pc);
  });
  call.on('peer-removed', () => {
    stopSampling();
    remoteVideo.srcObject = null;
    status.state = 'waiting';
  });
  call.on('peer-state', ({ state }) => (status.state = state));
  try {
    await call.join(room);
    if (call.sessions.size === 0) status.state = 'waiting';
  } catch (error) {
    call.leave();
    stopStream(camera);
    status.state = 'idle';
    errorBox.error = error; // such as "This room is full"
  }
}
void joinCall();
// #endregion call

// #region sample
/** Reads the stats once a second and turns each pair of readings into one point per graph. */
function sampleEverySecond(pc: RTCPeerConnection): () => void {
  let before: Reading | undefined;
  const timer = setInterval(async () => {
    const now = await takeReading(pc, remoteVideo.video);
    if (before) record(toMetrics(before, now));
    before = now;
    if (now.inbound) rawReport.textContent = JSON.stringify(now.inbound, null, 2);
  }, 1000);
  return () => clearInterval(timer);
}
// #endregion sample

// #region history
/** The last minute of every metric, oldest first: what the graphs draw. */
const stats = Object.fromEntries(METRIC_NAMES.map((name) => [name, []])) as unknown as Record<
  MetricName,
  (number | undefined)[]
>;
const graphs = document.querySelectorAll<PlStatsGraph>('pl-stats-graph[data-metrics]');

function record(metrics: Metrics): void {
  for (const name of METRIC_NAMES) {
    stats[name].push(metrics[name]);
    if (stats[name].length > 60) stats[name].shift();
  }
  // Each graph draws the metrics its data-metrics attribute names, one line each.
  for (const graph of graphs) {
    const names = graph.dataset.metrics!.split(' ') as MetricName[];
    graph.series = names.map((name) => ({ name, values: [...stats[name]] }));
  }
}
// #endregion history

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.stats.bitsReceivedPerSecond`, `peerlab.call.sessions`…
Object.defineProperty(window, 'peerlab', {
  value: {
    stats,
    get call() {
      return call;
    },
  },
});
// #endregion devtools
