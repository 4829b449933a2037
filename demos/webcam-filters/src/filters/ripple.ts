import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Waves on water: rings spread from the centre and bend the picture as they pass. */
export const ripple: FilterDefinition = {
  id: 'ripple',
  name: 'Ripple',
  category: 'warp',
  params: [
    { name: 'amplitude', label: 'Amplitude', min: 0, max: 0.05, step: 0.002, default: 0.012 },
    { name: 'frequency', label: 'Frequency', min: 10, max: 80, step: 1, default: 40 },
  ],
  fragment: glsl`
    uniform float u_amplitude;
    uniform float u_frequency;
    void main() {
      vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
      vec2 d = (v_uv - 0.5) * aspect;
      float r = length(d);
      vec2 push = d / max(r, 1e-4) * sin(r * u_frequency - u_time * 6.0) * u_amplitude;
      outColor = texture(u_image, v_uv + push / aspect);
    }`,
};
