import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Amplified green brightness with sensor noise and a dark round edge. */
export const nightVision: FilterDefinition = {
  id: 'night-vision',
  name: 'Night vision',
  category: 'colour',
  params: [
    { name: 'gain', label: 'Gain', min: 1, max: 4, step: 0.1, default: 2 },
    { name: 'noise', label: 'Noise', min: 0, max: 0.5, step: 0.01, default: 0.15 },
  ],
  fragment: glsl`
    uniform float u_gain;
    uniform float u_noise;
    void main() {
      float l = luma(texture(u_image, v_uv).rgb) * u_gain;
      float grain = hash(v_uv * u_resolution + fract(u_time) * 100.0) - 0.5;
      float edge = smoothstep(0.75, 0.35, distance(v_uv, vec2(0.5)));
      outColor = vec4(vec3(0.15, 1.0, 0.2) * (l + grain * u_noise) * edge, 1.0);
    }`,
};
