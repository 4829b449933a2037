// #region setup
import '@peerlab/ui';
import { openCamera } from '@peerlab/capture';
import { RoomCall, type PeerSession } from '@peerlab/peer';
import { StatsSampler, type PlStatsPanel } from '@peerlab/stats';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { preferCodec, videoCodecs } from './codecs.ts';
import { setEncoding, type EncodingChoice } from './encoding.ts';

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  status: byId<PlCallStatus>('status'),
  error: byId<PlError>('error'),
  local: byId<PlVideo>('local'),
  remote: byId<PlVideo>('remote'),
  controls: byId<HTMLFormElement>('controls').elements[0] as HTMLFieldSetElement,
  maxBitrate: byId<HTMLSelectElement>('max-bitrate'),
  scale: byId<HTMLSelectElement>('scale'),
  degradation: byId<HTMLSelectElement>('degradation'),
  codec: byId<HTMLSelectElement>('codec'),
  codecSent: byId<HTMLOutputElement>('codec-sent'),
  codecReceived: byId<HTMLOutputElement>('codec-received'),
  graphs: byId<PlStatsPanel>('graphs'),
};
// #endregion setup

// #region call
// The room is in the link, so sharing the link shares the call.
const link = new URL(location.href);
const room = link.searchParams.get('room') ?? `lab-${crypto.randomUUID().slice(0, 6)}`;
link.searchParams.set('room', room);
history.replaceState(null, '', link);
Object.assign(byId('room-link'), { href: link.href, textContent: room });

let call: RoomCall | undefined;
let session: PeerSession | undefined;

/** Step 8's call: the camera, then the room. */
async function start(): Promise<void> {
  ui.status.state = 'joining';
  const camera = await openCamera({ preset: 'vga', audio: true }).catch((error: unknown) => {
    ui.error.error = error; // <pl-error> explains camera errors by itself
    return undefined;
  });
  if (!camera) {
    ui.status.state = 'idle';
    return;
  }
  ui.local.srcObject = camera;
  call = new RoomCall({ localStream: camera });
  call.on('peer-added', (peer) => follow(peer.session));
  call.on('peer-removed', () => follow(undefined));
  call.on('peer-state', ({ state }) => {
    ui.status.state = state;
    ui.controls.disabled = state !== 'connected'; // no call, no video sender to change
  });
  try {
    await call.join(room);
    if (call.sessions.size === 0) ui.status.state = 'waiting';
  } catch (error) {
    call.leave();
    ui.status.state = 'idle';
    ui.error.error = error; // such as "This room is full"
  }
}
void start();
// #endregion call

// #region graphs
let sampler: StatsSampler | undefined;

/** Shows the other peer's video, and step 8's graphs of the call, from the stats package. */
function follow(next: PeerSession | undefined): void {
  sampler?.stop();
  session = next;
  ui.remote.srcObject = next?.remoteStream ?? null;
  sampler = next && new StatsSampler(next.pc, { video: ui.remote.video }).start();
  ui.graphs.sampler = sampler;
  sampler?.addEventListener('sample', () => {
    // The sampler reads each stream's `codec` report for us: the codec really in use.
    const codecs = sampler?.latest?.codecs;
    ui.codecSent.value = codecs?.['outbound-video'] ?? '–';
    ui.codecReceived.value = codecs?.['inbound-video'] ?? '–';
  });
  if (!next) ui.status.state = 'waiting';
}
// #endregion graphs

// #region controls
/** What the sender uses now: the lists go back to it when the browser refuses a choice. */
let applied: EncodingChoice = {
  maxBitrate: undefined,
  scaleResolutionDownBy: 1,
  degradationPreference: undefined,
};

async function changeEncoding(): Promise<void> {
  const sender = session?.pc.getSenders().find(({ track }) => track?.kind === 'video');
  const choice: EncodingChoice = {
    maxBitrate: Number(ui.maxBitrate.value) || undefined,
    scaleResolutionDownBy: Number(ui.scale.value),
    degradationPreference: (ui.degradation.value || undefined) as
      RTCDegradationPreference | undefined,
  };
  try {
    if (!sender) throw new Error('There is no video sender yet: wait for the call to connect.');
    await setEncoding(sender, choice);
    applied = choice;
    ui.error.error = null;
  } catch (error) {
    showRefusal(error);
    ui.maxBitrate.value = String(applied.maxBitrate ?? '');
    ui.scale.value = String(applied.scaleResolutionDownBy);
    ui.degradation.value = applied.degradationPreference ?? '';
  }
}
// One change at a time: each setParameters must start from the parameters the last one left.
let changing = Promise.resolve();
for (const list of [ui.maxBitrate, ui.scale, ui.degradation]) {
  list.addEventListener('change', () => (changing = changing.then(changeEncoding)));
}

ui.codec.append(new Option("Browser's choice", ''));
for (const mimeType of videoCodecs()) ui.codec.append(new Option(mimeType, mimeType));
ui.codec.addEventListener('change', () => {
  try {
    if (!session) throw new Error('There is no call yet: wait for the other peer.');
    preferCodec(session, ui.codec.value);
  } catch (error) {
    showRefusal(error);
  }
});

/** Says which setting the browser refused, with its error's name and message. */
function showRefusal(error: unknown): void {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  const fix = 'Pick another value: the video goes on with the settings it had.';
  ui.error.error = { title: `The browser refused that setting (${name})`, message, fix };
}
// #endregion controls

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.sampler.latest`, `peerlab.session.pc.getSenders()`…
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return call;
    },
    get session() {
      return session;
    },
    get sampler() {
      return sampler;
    },
  },
});
// #endregion devtools
