import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Darkens the corners to draw the eye to the middle. */
export const vignette: FilterDefinition = {
  id: 'vignette',
  name: 'Vignette',
  category: 'stylize',
  params: [
    { name: 'radius', label: 'Radius', min: 0.2, max: 1, step: 0.05, default: 0.6 },
    { name: 'softness', label: 'Softness', min: 0.05, max: 0.8, step: 0.05, default: 0.4 },
  ],
  fragment: glsl`
    uniform float u_radius;
    uniform float u_softness;
    void main() {
      float d = length((v_uv - 0.5) * vec2(u_resolution.x / u_resolution.y, 1.0));
      float light = smoothstep(u_radius, u_radius - u_softness, d);
      outColor = vec4(texture(u_image, v_uv).rgb * light, 1.0);
    }`,
};
