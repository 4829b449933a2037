import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Four small copies of the picture, each screen-printed in its own two colours. */
export const popArt: FilterDefinition = {
  id: 'pop-art',
  name: 'Pop art',
  category: 'colour',
  params: [{ name: 'levels', label: 'Levels', min: 2, max: 6, step: 1, default: 4 }],
  fragment: glsl`
    uniform float u_levels;
    void main() {
      vec2 cell = floor(v_uv * 2.0); // (0,0) top-left … (1,1) bottom-right
      // Each quadrant's ink and paper, picked by blending with 0 or 1 (cheaper than an array).
      vec3 ink = mix(
        mix(vec3(0.9, 0.1, 0.5), vec3(0.1, 0.4, 0.9), cell.x),
        mix(vec3(0.1, 0.7, 0.3), vec3(0.6, 0.2, 0.8), cell.x),
        cell.y);
      vec3 paper = mix(
        mix(vec3(1.0, 0.9, 0.1), vec3(1.0, 0.5, 0.2), cell.x),
        mix(vec3(1.0, 0.8, 0.9), vec3(0.4, 0.9, 1.0), cell.x),
        cell.y);
      float l = luma(texture(u_image, fract(v_uv * 2.0)).rgb);
      float steps = u_levels - 1.0;
      outColor = vec4(mix(ink, paper, floor(l * steps + 0.5) / steps), 1.0);
    }`,
};
