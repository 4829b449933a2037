import { startHub } from '@peerlab/server';
import { chromiumLaunchOptions } from '@peerlab/testing';
import { loadavg } from 'node:os';
import { chromium, type Page } from '@playwright/test';
import type { BenchRow, BenchSuite } from './report.ts';
import { median, round } from './stats.ts';

const WIDTH = 1280;
const HEIGHT = 720;
/** 30 fps leaves 33.3 ms per frame for everything. */
const GOAL_MS = 33.3;

interface FilterTiming {
  id: string;
  name: string;
  webgl: number[];
  /** Empty where the Canvas2D fallback does not have the filter. */
  canvas2d: number[];
}

/**
 * In the demo's page: grabs a few 1280×720 frames from the (fake) camera, then times each filter
 * on both renderers over the same frames, frame by frame in turn so drift hits both alike. One
 * frame = upload, filter, and a 1-pixel read-back, which waits for the GPU to finish. Each
 * round gives every filter `warmUp` unmeasured frames, then `frames` measured ones.
 */
function timeFilters(
  page: Page,
  { rounds, frames, warmUp }: { rounds: number; frames: number; warmUp: number },
): Promise<FilterTiming[]> {
  return page.evaluate(
    async ({ width, height, frames, warmUp, rounds }) => {
      type Step = { filter: unknown; values: Record<string, number> };
      type Renderer = {
        supports(filter: unknown): boolean;
        render(source: ImageBitmap, steps: Step[]): void;
        readPixels(rect: { x: number; y: number; width: number; height: number }): ImageData;
        dispose(): void;
      };
      type Filter = { id: string; name: string; params: { name: string; default: number }[] };
      const hook = (
        window as unknown as {
          peerlab: {
            filters: Filter[];
            createRenderer(canvas: HTMLCanvasElement, kind: string): { renderer: Renderer };
          };
        }
      ).peerlab;

      const camera = await navigator.mediaDevices.getUserMedia({ video: { width, height } });
      const video = Object.assign(document.createElement('video'), {
        muted: true,
        srcObject: camera,
      });
      await video.play();
      const bitmaps: ImageBitmap[] = [];
      for (let i = 0; i < 4; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        bitmaps.push(await createImageBitmap(video, { resizeWidth: width, resizeHeight: height }));
      }
      camera.getTracks().forEach((track) => track.stop());

      const renderers = ['auto', 'canvas2d'].map((kind) => {
        const canvas = Object.assign(document.createElement('canvas'), { width, height });
        return hook.createRenderer(canvas, kind).renderer;
      });
      const onePixel = { x: 0, y: 0, width: 1, height: 1 };
      const timeFrame = (renderer: Renderer, steps: Step[], frame: number) => {
        const start = performance.now();
        renderer.render(bitmaps[frame % bitmaps.length]!, steps);
        renderer.readPixels(onePixel);
        return performance.now() - start;
      };
      const chains: { id: string; name: string; filters: Filter[] }[] = [
        { id: 'none', name: 'no filter (upload + copy)', filters: [] },
        ...hook.filters.map((filter) => ({ id: filter.id, name: filter.name, filters: [filter] })),
        {
          id: 'chain',
          name: 'chain: sepia → pixelate → mirror',
          filters: ['sepia', 'pixelate', 'mirror'].map((id) =>
            hook.filters.find((f) => f.id === id)!,
          ),
        },
      ];
      // Several short rounds over the whole list, not one long run per filter: a burst of
      // load on the machine then spreads over all filters instead of spoiling one.
      const [gl, cpu] = renderers as [Renderer, Renderer];
      const results = chains.map((chain) => ({
        id: chain.id,
        name: chain.name,
        steps: chain.filters.map((filter) => ({
          filter,
          values: Object.fromEntries(filter.params.map((p) => [p.name, p.default])),
        })),
        onCpu: chain.filters.every((filter) => cpu.supports(filter)),
        webgl: [] as number[],
        canvas2d: [] as number[],
      }));
      for (let round = 0; round < rounds; round++) {
        for (const result of results) {
          for (let frame = 0; frame < warmUp + frames; frame++) {
            const glMs = timeFrame(gl, result.steps, frame);
            const cpuMs = result.onCpu ? timeFrame(cpu, result.steps, frame) : undefined;
            if (frame < warmUp) continue; // shaders compile, caches and the JIT warm up
            result.webgl.push(glMs);
            if (cpuMs !== undefined) result.canvas2d.push(cpuMs);
          }
        }
      }
      renderers.forEach((renderer) => renderer.dispose());
      return results.map(({ id, name, webgl, canvas2d }) => ({ id, name, webgl, canvas2d }));
    },
    { width: WIDTH, height: HEIGHT, frames, warmUp, rounds },
  );
}

/**
 * Every filter at 1280×720 in headless Chromium: the WebGL 2 path against the Canvas2D fallback,
 * in one page, on the same camera frames. Needs the demo built (the hub serves `dist/`).
 */
export async function benchWebcamFilters(rounds = 5, frames = 8): Promise<BenchSuite> {
  const hub = await startHub({ port: 0, quiet: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  let timings: FilterTiming[];
  let gpu: string;
  const loadBefore = loadavg()[0]!;
  try {
    const page = await browser.newPage();
    // tsx compiles this file keeping function names, through an `__name` helper that the
    // functions sent to the page call; the page needs one too.
    await page.addInitScript('globalThis.__name = (target) => target;');
    await page.goto(new URL('/demos/webcam-filters/', hub.url).href);
    gpu = await page.evaluate(() => {
      const gl = document.createElement('canvas').getContext('webgl2');
      const info = gl?.getExtension('WEBGL_debug_renderer_info');
      return info ? String(gl!.getParameter(info.UNMASKED_RENDERER_WEBGL)) : 'unknown';
    });
    timings = await timeFilters(page, { rounds, frames, warmUp: 2 });
  } finally {
    await browser.close();
    await hub.close();
  }
  // Software WebGL shares the CPU with everything else: say how busy the machine was.
  const load = `1-minute load average ${round(loadBefore, 1)} before, ${round(loadavg()[0]!, 1)} after`;
  const rows: BenchRow[] = timings.map(({ id, name, webgl, canvas2d }) => {
    const ours = round(median(webgl), 2);
    return {
      ...(id === 'none' && { note: `upload + copy + read-back alone; ${load}.` }),
      metric: `${name} (${id === 'none' ? 'baseline' : id}) — WebGL ${Math.round(1000 / ours)} fps`,
      ours,
      ...(canvas2d.length > 0 && { anchor: round(median(canvas2d), 2) }),
      unit: 'ms',
      goal: { op: '<=', value: GOAL_MS },
    };
  });
  return {
    name: 'webcam-filters',
    title:
      `Webcam filters: median ms per ${WIDTH}×${HEIGHT} frame (${rounds * frames} frames each, ` +
      'upload → filter → 1-pixel read-back), WebGL 2 vs Canvas2D',
    anchor:
      'the Canvas2D fallback (drawImage, getImageData, a JavaScript loop, putImageData) in the ' +
      'same page on the same frames; "—" where the fallback does not have the filter. WebGL runs ' +
      `on ${gpu}: a software GPU on the CPU, so these numbers describe headless CI, not a real GPU.`,
    rows,
    samples: Object.fromEntries(
      timings.flatMap(({ id, webgl, canvas2d }) => [
        [`${id}:webgl`, webgl.map((ms) => round(ms, 2))],
        ...(canvas2d.length > 0 ? [[`${id}:canvas2d`, canvas2d.map((ms) => round(ms, 2))]] : []),
      ]),
    ),
  };
}
