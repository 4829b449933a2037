import '@peerlab/ui';
import { openCamera, startFrameLoop } from '@peerlab/capture';
import type { PlError, PlVideo } from '@peerlab/ui';
import { asciiConvert } from './ascii-convert.ts';
import { renderAscii, type RenderedFrame } from './ascii-pipeline.ts';
import { AsciiView } from './ascii-view.ts';
import { watchControls } from './controls.ts';
import { copyText, downloadPng, downloadText } from './export-frame.ts';
import { FrameMeter } from './frame-meter.ts';
import { FrameSampler } from './frame-sampler.ts';
import { TextCanvas } from './text-canvas.ts';
import { gridSize } from './grid-size.ts';
import { SharePanel } from './share-panel.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;
const errorBox = $<PlError>('#error');
const cameraPreview = $<PlVideo>('#camera');
const pauseButton = $<HTMLButtonElement>('#pause');
const fpsReadout = $<HTMLOutputElement>('#fps');
const exportStatus = $<HTMLSpanElement>('#export-status');

const view = new AsciiView($('#ascii'), $('#ascii-canvas'));
const sampler = new FrameSampler();
const meter = new FrameMeter();
/** The frame on screen: its pixels, its text, and how long it took. */
let shown: RenderedFrame | undefined;
/** While paused, the camera frame being held; the controls redraw it. */
let held: OffscreenCanvas | undefined;
let settings = watchControls($('#controls'), (next) => {
  settings = next;
  $('#ramp-problem').textContent = settings.rampProblem ?? '';
  cameraPreview.mirrored = settings.options.mirror === true;
  if (held) render(held);
});

const camera = openCamera({ preset: 'vga' });
const share = new SharePanel(camera, errorBox);

camera.then(
  async (stream) => {
    cameraPreview.srcObject = stream;
    await cameraPreview.updateComplete;
    const video = cameraPreview.video;
    startFrameLoop(video, (_now, metadata) => {
      if (held) return;
      const { frame, ms } = render(video);
      meter.frame(ms, metadata?.presentedFrames);
      share.send(frame);
    });
    setInterval(() => {
      const { fps, msPerFrame } = meter.takeRates();
      fpsReadout.textContent = held
        ? 'paused'
        : `${fps.toFixed(0)} fps · ${msPerFrame.toFixed(2)} ms per frame (sample + convert + show)`;
    }, 1000);
  },
  (error: unknown) => {
    errorBox.error = error; // <pl-error> explains camera errors by itself
    fpsReadout.textContent = 'no camera';
  },
);

/** Samples, converts and shows the frame `source` holds, with the current settings. */
function render(source: HTMLVideoElement | OffscreenCanvas): RenderedFrame {
  const [width, height] =
    source instanceof HTMLVideoElement
      ? [source.videoWidth, source.videoHeight]
      : [source.width, source.height];
  const grid = gridSize(settings.columns, width, height);
  shown = renderAscii(source, grid, settings.options, sampler, view);
  return shown;
}

pauseButton.addEventListener('click', () => {
  const video = cameraPreview.video;
  if (held) {
    held = undefined;
  } else if (shown) {
    // Hold a copy of the camera frame, at full size, so new settings can redraw it.
    held = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    held.getContext('2d')!.drawImage(video, 0, 0);
    render(held);
  }
  pauseButton.setAttribute('aria-pressed', String(held !== undefined));
  pauseButton.textContent = held ? 'Resume' : 'Pause';
});

$('#copy').addEventListener('click', async () => {
  if (shown) exportStatus.textContent = await copyText(shown.frame.text);
});
$('#download-txt').addEventListener('click', () => shown && downloadText(shown.frame.text));
$('#download-png').addEventListener('click', () => shown && void downloadPng(shown.frame));

// The page handle (`PageHandle` in @peerlab/testing), for DevTools, the tests and the benchmark:
// the call, the frame on screen with the pixels it was made from, the frame counters, and the
// building blocks.
Object.defineProperty(window, 'peerlab', {
  value: {
    get call() {
      return share.call;
    },
    get shown() {
      return shown && { ...shown, options: settings.options };
    },
    meter,
    modules: { asciiConvert, renderAscii, AsciiView, FrameSampler, TextCanvas },
  },
});
