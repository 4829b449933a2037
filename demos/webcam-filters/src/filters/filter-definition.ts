/** Where a filter sits in the grid. */
export type FilterCategory = 'colour' | 'stylize' | 'warp';

/** One slider: the shader reads it as `uniform float u_<name>`. */
export interface FilterParam {
  name: string;
  label: string;
  min: number;
  max: number;
  step: number;
  default: number;
}

/**
 * A filter is one fragment shader plus what the page needs to show it. The WebGL renderer puts
 * the shared preamble (see `gl-program.ts`) in front of `fragment`: `u_image`, `u_resolution`,
 * `u_time`, `v_uv` (0,0 = top-left, like the picture) and `luma()`.
 */
export interface FilterDefinition {
  id: string;
  name: string;
  category: FilterCategory;
  fragment: string;
  params: FilterParam[];
  /**
   * True for filters that enlarge part of the picture (bulge, pinch, fisheye): the GPU then
   * blends the four nearest pixels ("linear" sampling) so enlarged pixels don't show as blocks.
   * It costs more (3× on a software GPU), so the others read whole pixels.
   */
  smooth?: boolean;
}

/** Tags GLSL so editors can highlight it; it returns the text unchanged. */
export const glsl = String.raw;
