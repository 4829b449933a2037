import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Rec. 601 luma: how bright each channel looks to the eye (green most, blue least). */
export const grayscale: FilterDefinition = {
  id: 'grayscale',
  name: 'Grayscale',
  category: 'colour',
  params: [],
  fragment: glsl`
    void main() {
      outColor = vec4(vec3(luma(texture(u_image, v_uv).rgb)), 1.0);
    }`,
};
