import type { ChainStep, FrameRenderer, FrameSource, PixelRect } from './frame-renderer.ts';
import { sourceSize } from './frame-renderer.ts';
import type { FilterDefinition } from './filter-catalogue.ts';
import { glsl } from './filters/filter-definition.ts';
import { compileProgram, type GlProgram } from './gl-program.ts';

/** An empty chain still has to copy the frame to the canvas. */
const COPY_STEP: ChainStep = {
  filter: {
    id: 'copy',
    name: 'Copy',
    category: 'colour',
    params: [],
    fragment: glsl`void main() { outColor = texture(u_image, v_uv); }`,
  },
  values: {},
};

/** A texture the size of the output, and the framebuffer that draws into it. */
interface RenderTarget {
  texture: WebGLTexture;
  framebuffer: WebGLFramebuffer;
}

/**
 * Runs a chain of fragment-shader filters on the GPU. The frame is uploaded as a texture; each
 * filter reads the previous result and draws into one of two framebuffers in turn ("ping-pong"),
 * and the last filter draws straight onto the canvas.
 */
export class GlRenderer implements FrameRenderer {
  readonly kind = 'webgl2';
  readonly #gl: WebGL2RenderingContext;
  readonly #programs = new Map<string, GlProgram>();
  readonly #source: WebGLTexture;
  readonly #samplers: { nearest: WebGLSampler; linear: WebGLSampler };
  #targets: RenderTarget[] = [];
  #targetSize = '';
  #sourceSize = '';

  /**
   * Returns null when the browser has no WebGL 2 (old browser, blocklisted GPU, or WebGL turned
   * off), so the caller can fall back to Canvas2D.
   */
  static create(canvas: HTMLCanvasElement): GlRenderer | null {
    // No antialiasing or depth buffer: we only ever draw one screen-filling triangle.
    const gl = canvas.getContext('webgl2', { antialias: false, depth: false, alpha: false });
    return gl ? new GlRenderer(canvas, gl) : null;
  }

  private constructor(
    readonly canvas: HTMLCanvasElement,
    gl: WebGL2RenderingContext,
  ) {
    this.#gl = gl;
    this.#source = createTexture(gl);
    this.#samplers = {
      nearest: createSampler(gl, gl.NEAREST),
      linear: createSampler(gl, gl.LINEAR),
    };
  }

  supports(_filter: FilterDefinition): boolean {
    return true;
  }

  render(source: FrameSource, steps: readonly ChainStep[], time = performance.now() / 1000): void {
    const { width, height } = this.canvas;
    this.#ensureTargets(width, height);
    this.#upload(source);
    const passes = steps.length > 0 ? steps : [COPY_STEP];
    let input = this.#source;
    passes.forEach((step, index) => {
      const target = index === passes.length - 1 ? null : this.#targets[index % 2]!;
      // Whole pixels are cheaper to read than blends of four (3× on a software GPU), and exact.
      // Blend for the warps, and for a camera frame that must be scaled to the output size.
      const scaled = index === 0 && this.#sourceSize !== this.#targetSize;
      this.#draw(step, input, target, step.filter.smooth || scaled, time);
      if (target) input = target.texture;
    });
  }

  readPixels(rect?: PixelRect): ImageData {
    const gl = this.#gl;
    const { x, y, width, height } = rect ?? {
      x: 0,
      y: 0,
      width: this.canvas.width,
      height: this.canvas.height,
    };
    const bottomUp = new Uint8ClampedArray(width * height * 4);
    gl.bindFramebuffer(gl.FRAMEBUFFER, null);
    // WebGL counts rows from the bottom: ask for the mirrored rectangle, then flip the rows.
    gl.readPixels(
      x,
      this.canvas.height - y - height,
      width,
      height,
      gl.RGBA,
      gl.UNSIGNED_BYTE,
      bottomUp,
    );
    const image = new ImageData(width, height);
    const row = width * 4;
    for (let r = 0; r < height; r++) {
      image.data.set(bottomUp.subarray((height - 1 - r) * row, (height - r) * row), r * row);
    }
    return image;
  }

  dispose(): void {
    const gl = this.#gl;
    for (const { program } of this.#programs.values()) gl.deleteProgram(program);
    this.#programs.clear();
    this.#deleteTargets();
    gl.deleteTexture(this.#source);
    gl.deleteSampler(this.#samplers.nearest);
    gl.deleteSampler(this.#samplers.linear);
    // Browsers keep only a few WebGL contexts alive at once: give this one back now.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }

  /** The camera frame into the source texture, top row first as in the picture. */
  #upload(source: FrameSource): void {
    const gl = this.#gl;
    const { width, height } = sourceSize(source);
    gl.bindTexture(gl.TEXTURE_2D, this.#source);
    gl.pixelStorei(gl.UNPACK_FLIP_Y_WEBGL, false);
    if (this.#sourceSize === `${width}x${height}`) {
      // Same size as the last frame: overwrite the pixels rather than reallocate the texture.
      gl.texSubImage2D(gl.TEXTURE_2D, 0, 0, 0, gl.RGBA, gl.UNSIGNED_BYTE, source);
    } else {
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, gl.RGBA, gl.UNSIGNED_BYTE, source);
      this.#sourceSize = `${width}x${height}`;
    }
  }

  /** One filter: reads `input`, draws into `target` (null: the canvas, turned upright). */
  #draw(
    step: ChainStep,
    input: WebGLTexture,
    target: RenderTarget | null,
    smooth: boolean | undefined,
    time: number,
  ): void {
    const gl = this.#gl;
    const { width, height } = this.canvas;
    gl.bindFramebuffer(gl.FRAMEBUFFER, target?.framebuffer ?? null);
    gl.viewport(0, 0, width, height);
    const program = this.#program(step.filter);
    gl.useProgram(program.program);
    gl.bindTexture(gl.TEXTURE_2D, input);
    gl.bindSampler(0, smooth ? this.#samplers.linear : this.#samplers.nearest);
    gl.uniform1i(program.uniform('u_image'), 0);
    gl.uniform2f(program.uniform('u_resolution'), width, height);
    gl.uniform1f(program.uniform('u_time'), time);
    gl.uniform1f(program.uniform('u_flipY'), target ? 1 : -1);
    for (const [name, value] of Object.entries(step.values)) {
      gl.uniform1f(program.uniform(`u_${name}`), value);
    }
    gl.drawArrays(gl.TRIANGLES, 0, 3);
  }

  /** Programs compile on first use: picking a filter costs a few ms once, not 24 at start-up. */
  #program(filter: FilterDefinition): GlProgram {
    let program = this.#programs.get(filter.id);
    if (!program) {
      program = compileProgram(this.#gl, filter.fragment, filter.id);
      this.#programs.set(filter.id, program);
    }
    return program;
  }

  #ensureTargets(width: number, height: number): void {
    if (this.#targetSize === `${width}x${height}`) return;
    const gl = this.#gl;
    this.#deleteTargets();
    this.#targets = [0, 1].map(() => {
      const texture = createTexture(gl);
      gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, null);
      const framebuffer = gl.createFramebuffer();
      gl.bindFramebuffer(gl.FRAMEBUFFER, framebuffer);
      gl.framebufferTexture2D(gl.FRAMEBUFFER, gl.COLOR_ATTACHMENT0, gl.TEXTURE_2D, texture, 0);
      return { texture, framebuffer };
    });
    this.#targetSize = `${width}x${height}`;
  }

  #deleteTargets(): void {
    for (const { texture, framebuffer } of this.#targets) {
      this.#gl.deleteFramebuffer(framebuffer);
      this.#gl.deleteTexture(texture);
    }
    this.#targets = [];
    this.#targetSize = '';
  }
}

/** A texture, bound. How it is read (blended or not) is up to the sampler bound with it. */
function createTexture(gl: WebGL2RenderingContext): WebGLTexture {
  const texture = gl.createTexture();
  gl.bindTexture(gl.TEXTURE_2D, texture);
  return texture;
}

/** How to read a texture: `filter` NEAREST or LINEAR; beyond the border, the edge pixels repeat. */
function createSampler(gl: WebGL2RenderingContext, filter: GLenum): WebGLSampler {
  const sampler = gl.createSampler();
  gl.samplerParameteri(sampler, gl.TEXTURE_MIN_FILTER, filter);
  gl.samplerParameteri(sampler, gl.TEXTURE_MAG_FILTER, filter);
  gl.samplerParameteri(sampler, gl.TEXTURE_WRAP_S, gl.CLAMP_TO_EDGE);
  gl.samplerParameteri(sampler, gl.TEXTURE_WRAP_T, gl.CLAMP_TO_EDGE);
  return sampler;
}
