import { glsl } from './filters/filter-definition.ts';

/**
 * Draws one triangle that covers the whole output, with no vertex buffer: `gl_VertexID` 0, 1, 2
 * become the corners (-1,-1), (3,-1), (-1,3). `v_uv` runs 0..1 over the visible part, (0,0)
 * being the top-left of the picture. `u_flipY` turns the picture upright for the canvas, whose
 * first row is at the bottom; framebuffers keep the picture's top row first, like the camera's.
 */
export const VERTEX_SHADER = glsl`#version 300 es
uniform float u_flipY;
out vec2 v_uv;
void main() {
  vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));
  v_uv = corner;
  gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0) * vec4(1.0, u_flipY, 1.0, 1.0);
}`;

/** What every filter's fragment shader starts with: the shared inputs and three helpers. */
export const FRAGMENT_PREAMBLE = glsl`#version 300 es
precision highp float;
uniform sampler2D u_image;  // the camera frame, or the previous filter's output
uniform vec2 u_resolution;  // output size in pixels
uniform float u_time;       // seconds, for animated filters
in vec2 v_uv;               // 0..1, (0,0) = top-left
out vec4 outColor;

// Rec. 601 luma: perceived brightness.
float luma(vec3 c) { return dot(c, vec3(0.299, 0.587, 0.114)); }

// A cheap pseudo-random number in 0..1 for a 2D seed.
float hash(vec2 p) { return fract(sin(dot(p, vec2(12.9898, 78.233))) * 43758.5453); }

// How fast the brightness changes around uv: the difference between the neighbours left and
// right, and above and below. (Sobel's 3×3 version reads 8 pixels; 4 is half the cost.)
float edgeStrength(vec2 uv) {
  vec2 t = 1.0 / vec2(textureSize(u_image, 0));
  float left = luma(texture(u_image, uv - vec2(t.x, 0.0)).rgb);
  float right = luma(texture(u_image, uv + vec2(t.x, 0.0)).rgb);
  float up = luma(texture(u_image, uv - vec2(0.0, t.y)).rgb);
  float down = luma(texture(u_image, uv + vec2(0.0, t.y)).rgb);
  return length(vec2(right - left, down - up));
}
`;

/** Lines before a filter's own code, so compile errors can name the filter's own line numbers. */
const PREAMBLE_LINES = FRAGMENT_PREAMBLE.split('\n').length - 1;

/** A linked program and where its uniforms are. */
export interface GlProgram {
  program: WebGLProgram;
  uniform(name: string): WebGLUniformLocation | null;
}

/**
 * Compiles the shared vertex shader and `preamble + fragment` into a program.
 * Throws an Error naming `label` and quoting the driver's log, with line numbers counted from
 * the start of `fragment`, so a typo in a filter points at the filter's own line.
 */
export function compileProgram(
  gl: WebGL2RenderingContext,
  fragment: string,
  label: string,
): GlProgram {
  const program = gl.createProgram();
  const shaders = [
    compileShader(gl, gl.VERTEX_SHADER, VERTEX_SHADER, label, 0),
    compileShader(gl, gl.FRAGMENT_SHADER, FRAGMENT_PREAMBLE + fragment, label, PREAMBLE_LINES),
  ];
  for (const shader of shaders) gl.attachShader(program, shader);
  gl.linkProgram(program);
  for (const shader of shaders) gl.deleteShader(shader);
  if (!gl.getProgramParameter(program, gl.LINK_STATUS)) {
    const log = gl.getProgramInfoLog(program);
    gl.deleteProgram(program);
    throw new Error(`The "${label}" filter did not link: ${log}`);
  }
  const locations = new Map<string, WebGLUniformLocation | null>();
  return {
    program,
    uniform(name) {
      if (!locations.has(name)) locations.set(name, gl.getUniformLocation(program, name));
      return locations.get(name)!;
    },
  };
}

function compileShader(
  gl: WebGL2RenderingContext,
  type: GLenum,
  source: string,
  label: string,
  skipLines: number,
): WebGLShader {
  const shader = gl.createShader(type)!;
  gl.shaderSource(shader, source);
  gl.compileShader(shader);
  if (gl.getShaderParameter(shader, gl.COMPILE_STATUS)) return shader;
  // Logs read like "ERROR: 0:42: 'x' : undeclared identifier"; renumber 42 from the filter's start.
  const log = (gl.getShaderInfoLog(shader) ?? '').replace(
    /ERROR: (\d+):(\d+):/g,
    (_, file: string, line: string) => `ERROR: ${file}:${Number(line) - skipLines}:`,
  );
  gl.deleteShader(shader);
  throw new Error(`The "${label}" filter's shader did not compile: ${log.trim()}`);
}
