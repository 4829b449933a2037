import { Canvas2dRenderer } from './canvas2d-renderer.ts';
import type { FrameRenderer } from './frame-renderer.ts';
import { GlRenderer } from './gl-renderer.ts';

/** `auto` uses WebGL 2 where the browser has it; `canvas2d` forces the fallback. */
export type RendererPreference = 'auto' | 'canvas2d';

/** A renderer, and why it is the Canvas2D one if it is (null when WebGL 2 is in use). */
export interface RendererChoice {
  renderer: FrameRenderer;
  notice: string | null;
}

/** `?renderer=canvas2d` in the page's URL forces the fallback, to try it (or test it) anywhere. */
export function rendererPreference(search: string): RendererPreference {
  return new URLSearchParams(search).get('renderer') === 'canvas2d' ? 'canvas2d' : 'auto';
}

/**
 * Picks the renderer for `canvas`: WebGL 2 shaders if allowed and available, else Canvas2D
 * with a notice that says why, and what is missing because of it.
 */
export function createRenderer(
  canvas: HTMLCanvasElement,
  preference: RendererPreference,
): RendererChoice {
  const gl = preference === 'auto' ? GlRenderer.create(canvas) : null;
  if (gl) return { renderer: gl, notice: null };
  const why =
    preference === 'canvas2d'
      ? 'Canvas2D mode is on (?renderer=canvas2d in the address).'
      : 'This browser has no WebGL 2 (it may be turned off, or the graphics driver blocked).';
  return {
    renderer: new Canvas2dRenderer(canvas),
    notice:
      `${why} Filters run in JavaScript on the CPU, so only the simple ones are available; ` +
      'the others are greyed out. For all of them, turn on hardware acceleration in the ' +
      "browser's settings, or try another browser.",
  };
}
