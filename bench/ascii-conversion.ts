import { join } from 'node:path';
import { startHub } from '@peerlab/server';
import { chromiumLaunchOptions } from '@peerlab/testing';
import { chromium, type Page } from '@playwright/test';
import type { BenchRow, BenchSuite } from './report.ts';
import { median, round } from './stats.ts';

const SIZES = [
  [80, 60],
  [160, 60],
  [240, 90],
] as const;
/** No HTML specials, so the classic side needs no escaping. */
const RAMP = ' .:-=+*#%@';
/** performance.now() is coarse (0.1 ms) in pages: time blocks of frames, not single frames. */
const BLOCK = 10;

type Timings = Record<string, number[]>;
/** What the page offers: the demo's DevTools handle, the classic code, the captured frames. */
type PageGlobals = {
  // The handle's types live in the page; the benchmark only calls into it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  peerlab: { meter: { rendered: number; cameraFrames: number; renderMs: number }; modules: any };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  asciiClassic: any;
  benchFrames: OffscreenCanvas[];
  addBenchScreen: () => HTMLPreElement;
};

/** Chromium's fake camera sends 20 frames a second unless told otherwise; the goal is about 30. */
function launchOptions() {
  const options = chromiumLaunchOptions();
  options.args = options.args.map((flag) =>
    flag === '--use-fake-device-for-media-stream' ? `${flag}=fps=30` : flag,
  );
  return options;
}

/** Rendered and camera frames per second in the app, and its ms per frame, over `seconds`. */
async function liveFrameRate(page: Page, seconds: number) {
  const read = () =>
    page.evaluate(() => {
      const { rendered, cameraFrames, renderMs } = (window as unknown as PageGlobals).peerlab.meter;
      return { rendered, cameraFrames, renderMs, at: performance.now() };
    });
  const before = await read();
  await page.waitForTimeout(seconds * 1000);
  const after = await read();
  const elapsed = (after.at - before.at) / 1000;
  const rendered = after.rendered - before.rendered;
  return {
    rendered: rendered / elapsed,
    camera: (after.cameraFrames - before.cameraFrames) / elapsed,
    msPerFrame: (after.renderMs - before.renderMs) / rendered,
  };
}

/** Copies `count` consecutive camera frames into canvases: both sides convert the same pixels. */
async function captureFrames(count: number): Promise<void> {
  const video = document.querySelector<HTMLElement & { video: HTMLVideoElement }>('#camera')!.video;
  const frames: OffscreenCanvas[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => video.requestVideoFrameCallback(resolve));
    const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
    canvas.getContext('2d', { willReadFrequently: true })!.drawImage(video, 0, 0);
    frames.push(canvas);
  }
  (window as unknown as PageGlobals).benchFrames = frames;
}

/**
 * Ours and the classic converter on the same frames, in blocks of `block` frames, alternating
 * which side goes first. "convert" is frame → string; "total" adds showing it, with layout.
 */
function compareConversion(args: {
  columns: number;
  rows: number;
  rounds: number;
  block: number;
  ramp: string;
}): Timings {
  const { columns, rows, rounds, block, ramp } = args;
  const { peerlab, asciiClassic, benchFrames } = window as unknown as PageGlobals;
  const { FrameSampler, AsciiView, asciiConvert } = peerlab.modules;
  const addScreen = (window as unknown as PageGlobals).addBenchScreen;
  const sampler = new FrameSampler();
  const view = new AsciiView(addScreen(), document.createElement('canvas'));
  const classicPre = addScreen();
  classicPre.style.setProperty('--columns', String(columns));
  let frame = 0;
  /** Mean [convert, total] ms per frame over one block. */
  const time = (convert: (source: OffscreenCanvas) => unknown, show: (result: unknown) => void) => {
    let converting = 0;
    let total = 0;
    for (let i = 0; i < block; i++) {
      const source = benchFrames[frame++ % benchFrames.length]!;
      const start = performance.now();
      const result = convert(source);
      const converted = performance.now();
      show(result);
      total += performance.now() - start;
      converting += converted - start;
    }
    return [converting / block, total / block] as const;
  };
  const sides = {
    ours: () =>
      time(
        // The demo's renderAscii, in two timed halves: sample + convert, then show.
        (source) => asciiConvert(sampler.sample(source, columns, rows), columns, rows, { ramp }),
        (result) => (view.show(result), view.pre.offsetHeight),
      ),
    anchor: () =>
      time(
        (source) => asciiClassic.convert(source, columns, rows, ramp),
        (html) => (asciiClassic.show(classicPre, html), classicPre.offsetHeight),
      ),
  };
  const timings: Timings = { oursConvert: [], oursTotal: [], anchorConvert: [], anchorTotal: [] };
  for (let round = -2; round < rounds; round++) {
    const order = round % 2 ? (['ours', 'anchor'] as const) : (['anchor', 'ours'] as const);
    for (const side of order) {
      const [convert, total] = sides[side]();
      if (round < 0) continue; // two warm-up rounds: let both get compiled first
      timings[`${side}Convert`]!.push(convert);
      timings[`${side}Total`]!.push(total);
    }
  }
  return timings;
}

/**
 * Showing one 160 × 60 frame, already converted, each way the demo considered. DOM ways end
 * with a layout (`offsetHeight`), canvas ways with a 1-pixel read that makes the canvas draw.
 */
function compareShowing(args: {
  columns: number;
  rows: number;
  rounds: number;
  block: number;
}): Timings {
  const { columns, rows, rounds, block } = args;
  const { peerlab, asciiClassic, benchFrames } = window as unknown as PageGlobals;
  const { FrameSampler, AsciiView, TextCanvas, asciiConvert } = peerlab.modules;
  const addScreen = (window as unknown as PageGlobals).addBenchScreen;
  const sampler = new FrameSampler();
  const frames = benchFrames.map((source) =>
    asciiConvert(sampler.sample(source, columns, rows), columns, rows, {
      ramp: ' .:-=+*#%@',
      color: true,
    }),
  );
  const canvas = (): HTMLCanvasElement =>
    addScreen().parentElement!.appendChild(document.createElement('canvas'));
  const view = new AsciiView(addScreen(), canvas());
  const spansPre = addScreen();
  spansPre.style.setProperty('--columns', String(columns));
  const atlas = canvas();
  const drawAtlas = asciiClassic.createAtlasCanvas(atlas);
  const textCanvas = new TextCanvas(canvas());
  const flush = (target: HTMLCanvasElement) => target.getContext('2d')!.getImageData(0, 0, 1, 1);
  type Frame = { text: string; colors: Uint8ClampedArray };
  const ways: Record<string, (frame: Frame) => unknown> = {
    monoPre: ({ text }) => (view.show({ text, columns, rows }), view.pre.offsetHeight),
    monoAtlas: ({ text }) => (drawAtlas(text, columns, rows), flush(atlas)),
    monoTextCanvas: ({ text }) => (textCanvas.draw(text, columns, rows), flush(textCanvas.canvas)),
    colorSpans: ({ text, colors }) => (
      asciiClassic.spans(spansPre, text, colors),
      spansPre.offsetHeight
    ),
    colorAtlas: ({ text, colors }) => (drawAtlas(text, columns, rows, colors), flush(atlas)),
    colorTextCanvas: ({ text, colors }) => (
      textCanvas.draw(text, columns, rows, colors),
      flush(textCanvas.canvas)
    ),
  };
  const timings: Timings = Object.fromEntries(Object.keys(ways).map((way) => [way, []]));
  let next = 0;
  for (let round = -1; round < rounds; round++) {
    for (const [way, show] of Object.entries(ways)) {
      const start = performance.now();
      for (let i = 0; i < block; i++) show(frames[next++ % frames.length]!);
      if (round >= 0) timings[way]!.push((performance.now() - start) / block);
    }
  }
  return timings;
}

/** Adds `addBenchScreen()`: a `<pre>` styled like the demo's, in its layout, until `cleanUp`. */
function addScreens(): void {
  (window as unknown as PageGlobals).addBenchScreen = () => {
    const figure = Object.assign(document.createElement('figure'), { className: 'screen bench' });
    document.querySelector('#screens')!.append(figure);
    return figure.appendChild(document.createElement('pre'));
  };
}

function cleanUp(): void {
  document.querySelectorAll('.screen.bench').forEach((figure) => figure.remove());
}

/**
 * The demos/ascii-camera page in headless Chromium, with the fake camera at 30 frames a second:
 * its frame rate live, then (paused) its conversion against the classic one on the same frames.
 */
export async function benchAsciiConversion(rounds = 30): Promise<BenchSuite> {
  const hub = await startHub({ port: 0, quiet: true });
  const browser = await chromium.launch(launchOptions());
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx names functions with `__name(…)`; page.evaluate sends their source, so define it there.
    await page.addInitScript('globalThis.__name = (fn) => fn;');
    await page.goto(new URL('/demos/ascii-camera/', hub.url).href);
    await page.waitForFunction(
      () => (window as unknown as PageGlobals).peerlab.meter.rendered > 30,
    );
    const grid = await page.locator('#ascii').evaluate((pre) => pre.textContent!.split('\n'));
    if (grid.length !== 60 || grid[0]!.length !== 160) {
      throw new Error(`The page shows ${grid[0]!.length} × ${grid.length}, not 160 × 60.`);
    }
    const live = await liveFrameRate(page, 3);
    await page.locator('#pause').click();
    await page.addScriptTag({ path: join(import.meta.dirname, 'anchors', 'ascii-classic.js') });
    await page.evaluate(captureFrames, 30);
    await page.evaluate(addScreens);
    const rows: BenchRow[] = [];
    const samples: Record<string, number[]> = {};
    for (const [columns, height] of SIZES) {
      const size = `${columns}×${height}`;
      const timings = await page.evaluate(compareConversion, {
        columns,
        rows: height,
        rounds,
        block: BLOCK,
        ramp: RAMP,
      });
      await page.evaluate(cleanUp);
      for (const [key, values] of Object.entries(timings)) samples[`${key} ${size}`] = values;
      const convert = row(`convert ${size}, median`, timings.oursConvert!, timings.anchorConvert!);
      const total = row(`convert + show ${size}, median`, timings.oursTotal!, timings.anchorTotal!);
      if (columns !== 160) rows.push(convert, total);
      else {
        convert.goal = { op: '<=', value: 0.5 };
        rows.push(
          convert,
          total,
          speedUp(`convert ${size}`, convert),
          speedUp(`convert + show ${size}`, total),
        );
      }
    }
    const showing = await page.evaluate(compareShowing, {
      columns: 160,
      rows: 60,
      rounds: Math.ceil(rounds / 3),
      block: 5,
    });
    await page.evaluate(cleanUp);
    for (const [key, values] of Object.entries(showing)) samples[`show ${key} 160×60`] = values;
    const ways = [
      ['text', 'monoPre', 'monoAtlas', 'ours: <pre> text node; anchor: canvas glyph atlas'],
      ['text, canvas', 'monoTextCanvas', 'monoAtlas', 'ours: fillText per row; anchor: atlas'],
      ['colour', 'colorTextCanvas', 'colorSpans', 'ours: canvas; anchor: <span> per character'],
      ['colour, canvas', 'colorTextCanvas', 'colorAtlas', 'ours: fillText per row; anchor: atlas'],
    ] as const;
    rows.push(
      ...ways.map(([what, ours, anchor, note]) => ({
        ...row(`show 160×60 ${what}, median`, showing[ours]!, showing[anchor]!),
        note,
      })),
      {
        metric: 'live 160×60: frames rendered per second',
        ours: round(live.rendered),
        unit: 'fps',
        goal: { op: '>=', value: 29 },
        note: `the camera delivered ${round(live.camera)} frames/s over the same 3 s`,
      },
      {
        metric: 'live 160×60: sample + convert + show',
        ours: round(live.msPerFrame, 2),
        unit: 'ms/frame',
        note: 'from the live <video> (its first read of each frame includes the colour conversion)',
      },
    );
    return {
      name: 'ascii-conversion',
      title: 'ASCII camera: converting and showing a frame (demos/ascii-camera)',
      anchor:
        'the classic ASCII camera (bench/anchors/ascii-classic.js): getImageData of the full ' +
        '640×480 frame, per-pixel averaging of each cell, string concatenation per character, ' +
        'innerHTML with <br>s. Same page, same 30 captured camera frames, interleaved. In the ' +
        '"show" rows the anchor is the other way of showing named in the note.',
      rows,
      samples,
    };
  } finally {
    await browser.close();
    await hub.close();
  }
}

/** The medians of ours and the anchor, in ms per frame. */
function row(metric: string, ours: number[], anchor: number[]): BenchRow {
  return {
    metric,
    ours: round(median(ours), 3),
    anchor: round(median(anchor), 3),
    unit: 'ms/frame',
  };
}

/** How many times faster ours is than the anchor: goal 3×. */
function speedUp(what: string, { ours, anchor }: BenchRow): BenchRow {
  const metric = `speed-up, ${what}`;
  return { metric, ours: round(anchor! / ours, 1), unit: '×', goal: { op: '>=', value: 3 } };
}
