import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Shadows in deep blue, highlights in warm pink: brightness picks the mix. */
export const duotone: FilterDefinition = {
  id: 'duotone',
  name: 'Duotone',
  category: 'colour',
  params: [{ name: 'contrast', label: 'Contrast', min: 0.5, max: 3, step: 0.1, default: 1.4 }],
  fragment: glsl`
    uniform float u_contrast;
    const vec3 SHADOW = vec3(0.10, 0.12, 0.45);
    const vec3 HIGHLIGHT = vec3(1.00, 0.55, 0.60);
    void main() {
      float l = clamp((luma(texture(u_image, v_uv).rgb) - 0.5) * u_contrast + 0.5, 0.0, 1.0);
      outColor = vec4(mix(SHADOW, HIGHLIGHT, l), 1.0);
    }`,
};
