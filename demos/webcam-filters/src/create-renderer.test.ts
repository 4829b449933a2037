import { afterEach, describe, expect, it, vi } from 'vitest';
import { createRenderer, rendererPreference } from './create-renderer.ts';

afterEach(() => vi.restoreAllMocks());

describe('createRenderer', () => {
  it('uses WebGL 2 when the browser has it, with no notice', () => {
    const { renderer, notice } = createRenderer(document.createElement('canvas'), 'auto');
    expect(renderer.kind).toBe('webgl2');
    expect(notice).toBeNull();
  });

  it('?renderer=canvas2d forces the fallback, and says so', () => {
    expect(rendererPreference('?renderer=canvas2d')).toBe('canvas2d');
    expect(rendererPreference('?room=x')).toBe('auto');
    const { renderer, notice } = createRenderer(document.createElement('canvas'), 'canvas2d');
    expect(renderer.kind).toBe('canvas2d');
    expect(notice).toContain('Canvas2D mode is on');
  });

  it('falls back to Canvas2D, explaining why, when WebGL 2 is missing', () => {
    const getContext = HTMLCanvasElement.prototype.getContext;
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (
      this: HTMLCanvasElement,
      type: string,
      options?: unknown,
    ) {
      return type === 'webgl2' ? null : getContext.call(this, type, options);
    } as typeof getContext);
    const { renderer, notice } = createRenderer(document.createElement('canvas'), 'auto');
    expect(renderer.kind).toBe('canvas2d');
    expect(notice).toContain('This browser has no WebGL 2');
    expect(notice).toContain('hardware acceleration');
  });
});
