import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Rounds each channel to one of `levels` values, like a screen print. */
export const posterize: FilterDefinition = {
  id: 'posterize',
  name: 'Posterize',
  category: 'colour',
  params: [{ name: 'levels', label: 'Levels', min: 2, max: 16, step: 1, default: 4 }],
  fragment: glsl`
    uniform float u_levels;
    void main() {
      vec3 c = texture(u_image, v_uv).rgb;
      float steps = u_levels - 1.0;
      outColor = vec4(floor(c * steps + 0.5) / steps, 1.0);
    }`,
};
