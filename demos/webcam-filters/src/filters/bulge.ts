import { glsl, type FilterDefinition } from './filter-definition.ts';

/** A magnifying bubble in the middle: pixels near the centre are sampled closer to it. */
export const bulge: FilterDefinition = {
  id: 'bulge',
  name: 'Bulge',
  category: 'warp',
  smooth: true,
  params: [
    { name: 'radius', label: 'Radius', min: 0.1, max: 0.8, step: 0.05, default: 0.45 },
    { name: 'strength', label: 'Strength', min: 0, max: 1, step: 0.05, default: 0.6 },
  ],
  fragment: glsl`
    uniform float u_radius;
    uniform float u_strength;
    void main() {
      vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
      vec2 d = (v_uv - 0.5) * aspect;
      float t = min(length(d) / u_radius, 1.0);
      d *= mix(1.0, t, u_strength);
      outColor = texture(u_image, d / aspect + 0.5);
    }`,
};
