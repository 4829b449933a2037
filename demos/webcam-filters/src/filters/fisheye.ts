import { glsl, type FilterDefinition } from './filter-definition.ts';

/** A barrel lens: the whole frame bends, straight lines curve outwards. */
export const fisheye: FilterDefinition = {
  id: 'fisheye',
  name: 'Fisheye',
  category: 'warp',
  smooth: true,
  params: [{ name: 'strength', label: 'Strength', min: 0, max: 1.5, step: 0.05, default: 0.8 }],
  fragment: glsl`
    uniform float u_strength;
    void main() {
      vec2 d = v_uv - 0.5;
      // Sampling further out as r grows squeezes more of the scene towards the edges.
      vec2 uv = d * (1.0 - u_strength * 0.5 + u_strength * dot(d, d) * 2.0) + 0.5;
      bool inside = all(greaterThanEqual(uv, vec2(0.0))) && all(lessThanEqual(uv, vec2(1.0)));
      outColor = inside ? texture(u_image, uv) : vec4(0.0, 0.0, 0.0, 1.0);
    }`,
};
