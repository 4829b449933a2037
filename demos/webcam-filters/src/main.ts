import '@peerlab/ui';
import { openCamera, startFrameLoop } from '@peerlab/capture';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import { CallPanel } from './call-panel.ts';
import { CanvasRecorder } from './canvas-recorder.ts';
import { addStep, moveStep, removeStep, setStepValue, type KeyedStep } from './chain.ts';
import { renderChainList } from './chain-list.ts';
import { createRenderer, rendererPreference } from './create-renderer.ts';
import { FILTERS, type FilterDefinition } from './filter-catalogue.ts';
import { canvasToPng, countDown, flash } from './snapshot.ts';
import { ThumbnailGrid } from './thumbnail-grid.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const output = $<HTMLCanvasElement>('#output');
const camera = $<HTMLVideoElement>('#camera');
const startButton = $<HTMLButtonElement>('#start');
const snapshotButton = $<HTMLButtonElement>('#snapshot');
const recordButton = $<HTMLButtonElement>('#record');
const downloads = $<HTMLUListElement>('#downloads');
const chainList = $<HTMLOListElement>('#chain');
const stack = $<HTMLInputElement>('#stack');
const errorBox = $<PlError>('#error');

const { renderer, notice } = createRenderer(output, rendererPreference(location.search));
const noticeBox = $<HTMLParagraphElement>('#renderer-notice');
noticeBox.textContent = notice ?? '';
noticeBox.hidden = !notice;

let chain: KeyedStep[] = [];
const grid = new ThumbnailGrid($('#thumbnails'), renderer, (filter: FilterDefinition) =>
  setChain(addStep(stack.checked ? chain : [], filter)),
);

function setChain(next: KeyedStep[]): void {
  chain = next;
  renderChainList(chainList, chain, {
    move: (key, by) => setChain(moveStep(chain, key, by)),
    remove: (key) => setChain(removeStep(chain, key)),
    set: (key, name, value) => setChain(setStepValue(chain, key, name, value)),
  });
  grid.select(new Set(chain.map((step) => step.filter.id)));
}
setChain([]);
$('#clear').addEventListener('click', () => setChain([]));

startButton.addEventListener('click', async () => {
  startButton.disabled = true;
  errorBox.error = null;
  try {
    camera.srcObject = await openCamera({ preset: 'vga' });
    await camera.play();
  } catch (error) {
    errorBox.error = error; // <pl-error> explains camera errors by itself
    startButton.disabled = false;
    return;
  }
  output.width = camera.videoWidth;
  output.height = camera.videoHeight;
  startButton.hidden = true;
  snapshotButton.disabled = recordButton.disabled = false;
  // Once per camera frame: the big picture through the chain, then a few thumbnails.
  const stop = startFrameLoop(camera, () => {
    try {
      renderer.render(camera, chain);
      grid.refresh(camera);
    } catch (error) {
      // Most likely a shader you are editing: its message names the filter and the line.
      stop();
      errorBox.error = {
        title: 'A filter failed to run',
        message: error instanceof Error ? error.message : String(error),
        fix: "Fix that filter's shader (line numbers count from the start of its `fragment`) and reload.",
      };
    }
  });
});

let snapshots = 0;
snapshotButton.addEventListener('click', async () => {
  snapshotButton.disabled = true;
  await countDown($('#countdown'));
  renderer.render(camera, chain);
  const png = canvasToPng(output); // same task as the draw, see canvasToPng
  flash($('#flash'));
  addDownload(await png, `snapshot-${++snapshots}.png`, `Snapshot ${snapshots}`);
  snapshotButton.disabled = false;
});

let recorder: CanvasRecorder | undefined;
let clips = 0;
recordButton.addEventListener('click', async () => {
  if (!recorder) {
    try {
      recorder = new CanvasRecorder(output);
    } catch (error) {
      errorBox.error = {
        title: 'Recording is not available here',
        message: error instanceof Error ? error.message : String(error),
        fix: 'Try a recent Chrome, Edge or Firefox. Snapshots still work.',
      };
      return;
    }
    recordButton.textContent = 'Stop recording';
    recordButton.classList.add('recording');
    return;
  }
  const clip = await recorder.stop();
  recorder = undefined;
  recordButton.textContent = 'Record';
  recordButton.classList.remove('recording');
  addDownload(clip, `clip-${++clips}.webm`, `Clip ${clips} (${Math.ceil(clip.size / 1024)} kB)`);
});

/** Lists a snapshot or clip with a link to save it (snapshots show a small preview). */
function addDownload(blob: Blob, filename: string, label: string): void {
  const url = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), {
    href: url,
    download: filename,
    type: blob.type,
  });
  if (blob.type.startsWith('image/'))
    link.append(Object.assign(new Image(), { src: url, alt: '' }));
  link.append(` ${label}`);
  const item = document.createElement('li');
  item.append(link);
  downloads.prepend(item);
}

// The call sends the canvas, not the camera: the other side sees exactly what the filters drew.
let filteredStream: MediaStream | undefined;
const callPanel = new CallPanel(
  {
    form: $('#join-form'),
    room: $('#room'),
    join: $('#join'),
    leave: $('#leave'),
    status: $<PlCallStatus>('#status'),
    error: $<PlError>('#call-error'),
    remote: $<PlVideo>('#remote'),
  },
  () => (camera.srcObject ? (filteredStream ??= output.captureStream(30)) : null),
);
$<HTMLInputElement>('#room').value =
  new URLSearchParams(location.search).get('room') ??
  `filters-${Math.random().toString(36).slice(2, 6)}`;

// The page handle (`PageHandle` in @peerlab/testing), for DevTools, the tests and the benchmark:
// the call, the chain, and the parts to build your own.
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return callPanel.call;
    },
    get chain() {
      return chain;
    },
    renderer,
    filters: FILTERS,
    createRenderer,
  },
});
