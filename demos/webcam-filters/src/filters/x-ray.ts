import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Inverted brightness with a cold blue glow, like a film on a light box. */
export const xRay: FilterDefinition = {
  id: 'x-ray',
  name: 'X-ray',
  category: 'colour',
  params: [{ name: 'glow', label: 'Glow', min: 0.5, max: 2, step: 0.1, default: 1.2 }],
  fragment: glsl`
    uniform float u_glow;
    void main() {
      float l = pow(1.0 - luma(texture(u_image, v_uv).rgb), 1.5) * u_glow;
      outColor = vec4(l * vec3(0.75, 0.9, 1.0), 1.0);
    }`,
};
