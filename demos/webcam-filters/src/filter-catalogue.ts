import { bulge } from './filters/bulge.ts';
import { duotone } from './filters/duotone.ts';
import { edges } from './filters/edges.ts';
import { emboss } from './filters/emboss.ts';
import type { FilterDefinition } from './filters/filter-definition.ts';
import { fisheye } from './filters/fisheye.ts';
import { glitch } from './filters/glitch.ts';
import { grayscale } from './filters/grayscale.ts';
import { halftone } from './filters/halftone.ts';
import { invert } from './filters/invert.ts';
import { kaleidoscope } from './filters/kaleidoscope.ts';
import { mirror } from './filters/mirror.ts';
import { nightVision } from './filters/night-vision.ts';
import { pinch } from './filters/pinch.ts';
import { pixelate } from './filters/pixelate.ts';
import { popArt } from './filters/pop-art.ts';
import { posterize } from './filters/posterize.ts';
import { ripple } from './filters/ripple.ts';
import { scanlines } from './filters/scanlines.ts';
import { sepia } from './filters/sepia.ts';
import { sketch } from './filters/sketch.ts';
import { thermal } from './filters/thermal.ts';
import { twirl } from './filters/twirl.ts';
import { vignette } from './filters/vignette.ts';
import { xRay } from './filters/x-ray.ts';

export type { FilterCategory, FilterDefinition, FilterParam } from './filters/filter-definition.ts';

/** Every filter, in the order the grid shows them. Add a file in `filters/`, then list it here. */
export const FILTERS: readonly FilterDefinition[] = [
  // colour
  grayscale,
  sepia,
  invert,
  posterize,
  duotone,
  thermal,
  xRay,
  nightVision,
  popArt,
  // stylize
  pixelate,
  halftone,
  edges,
  sketch,
  emboss,
  scanlines,
  vignette,
  glitch,
  // warp
  bulge,
  pinch,
  twirl,
  fisheye,
  mirror,
  kaleidoscope,
  ripple,
];

/** The filter with this id; throws for an unknown one, which is always a bug in the caller. */
export function filterById(id: string): FilterDefinition {
  const filter = FILTERS.find((candidate) => candidate.id === id);
  if (!filter) throw new Error(`There is no filter "${id}".`);
  return filter;
}

/** Each parameter at its default: what a filter starts with when you pick it. */
export function defaultValues(filter: FilterDefinition): Record<string, number> {
  return Object.fromEntries(filter.params.map((param) => [param.name, param.default]));
}
