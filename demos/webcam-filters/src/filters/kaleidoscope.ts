import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Slices around the centre, each a mirror image of its neighbour. */
export const kaleidoscope: FilterDefinition = {
  id: 'kaleidoscope',
  name: 'Kaleidoscope',
  category: 'warp',
  params: [{ name: 'segments', label: 'Segments', min: 2, max: 16, step: 1, default: 6 }],
  fragment: glsl`
    uniform float u_segments;
    void main() {
      vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
      vec2 d = (v_uv - 0.5) * aspect;
      float slice = 3.14159 / u_segments;
      float a = mod(atan(d.y, d.x), 2.0 * slice);
      a = abs(a - slice); // fold every other slice back: a mirror at each slice edge
      vec2 uv = vec2(cos(a), sin(a)) * length(d) / aspect + 0.5;
      outColor = texture(u_image, uv);
    }`,
};
