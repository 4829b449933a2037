import { asciiConvert, type AsciiFrame, type AsciiOptions } from './ascii-convert.ts';
import type { AsciiView } from './ascii-view.ts';
import type { FrameSampler } from './frame-sampler.ts';

export interface RenderedFrame {
  /** The pixels the text was made from: one per character. */
  sample: ImageData;
  frame: AsciiFrame;
  /** Time to sample, convert and show, in milliseconds. */
  ms: number;
}

/**
 * One frame, start to finish: the video scaled down to one pixel per character, those pixels
 * turned into text, the text shown. The page runs it for every camera frame.
 */
export function renderAscii(
  source: CanvasImageSource,
  grid: { columns: number; rows: number },
  options: AsciiOptions,
  sampler: FrameSampler,
  view: AsciiView,
): RenderedFrame {
  const start = performance.now();
  const sample = sampler.sample(source, grid.columns, grid.rows);
  const frame = asciiConvert(sample, grid.columns, grid.rows, options);
  view.show(frame);
  return { sample, frame, ms: performance.now() - start };
}
