import { glsl, type FilterDefinition } from './filter-definition.ts';

/** The photographic negative. */
export const invert: FilterDefinition = {
  id: 'invert',
  name: 'Invert',
  category: 'colour',
  params: [],
  fragment: glsl`
    void main() {
      outColor = vec4(1.0 - texture(u_image, v_uv).rgb, 1.0);
    }`,
};
