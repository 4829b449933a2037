import { glsl, type FilterDefinition } from './filter-definition.ts';

/** The opposite of bulge: the middle shrinks, as if pulled into a drain. */
export const pinch: FilterDefinition = {
  id: 'pinch',
  name: 'Pinch',
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
      d *= 1.0 + u_strength * (1.0 - t) * (1.0 - t);
      outColor = texture(u_image, d / aspect + 0.5);
    }`,
};
