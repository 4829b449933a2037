import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Relief in grey: the difference between the upper-left and lower-right neighbours. */
export const emboss: FilterDefinition = {
  id: 'emboss',
  name: 'Emboss',
  category: 'stylize',
  params: [{ name: 'strength', label: 'Depth', min: 1, max: 8, step: 0.5, default: 3 }],
  fragment: glsl`
    uniform float u_strength;
    void main() {
      vec2 texel = 1.0 / vec2(textureSize(u_image, 0));
      float before = luma(texture(u_image, v_uv - texel).rgb);
      float after = luma(texture(u_image, v_uv + texel).rgb);
      outColor = vec4(vec3(0.5 + (before - after) * u_strength), 1.0);
    }`,
};
