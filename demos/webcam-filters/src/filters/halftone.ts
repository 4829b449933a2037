import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Newspaper dots on a 45° grid: the darker the spot, the bigger its dot. */
export const halftone: FilterDefinition = {
  id: 'halftone',
  name: 'Halftone',
  category: 'stylize',
  params: [{ name: 'spacing', label: 'Dot spacing', min: 4, max: 24, step: 1, default: 8 }],
  fragment: glsl`
    uniform float u_spacing;
    const mat2 TURN = mat2(0.7071, 0.7071, -0.7071, 0.7071);
    void main() {
      vec2 grid = TURN * (v_uv * u_resolution) / u_spacing;
      vec2 cellCentre = (transpose(TURN) * (floor(grid) + 0.5)) * u_spacing / u_resolution;
      float ink = 1.0 - luma(texture(u_image, cellCentre).rgb);
      float radius = sqrt(ink) * 0.7;
      float spot = smoothstep(radius + 0.08, radius - 0.08, length(fract(grid) - 0.5));
      outColor = vec4(mix(vec3(0.97, 0.95, 0.9), vec3(0.1), spot), 1.0);
    }`,
};
