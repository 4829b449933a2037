import { glsl, type FilterDefinition } from './filter-definition.ts';

/** The left half, and its reflection on the right: perfectly symmetric faces. */
export const mirror: FilterDefinition = {
  id: 'mirror',
  name: 'Mirror',
  category: 'warp',
  params: [],
  fragment: glsl`
    void main() {
      // 1 - x lands exactly on the centre of the mirrored pixel, so the halves match bit for bit.
      vec2 uv = vec2(v_uv.x < 0.5 ? v_uv.x : 1.0 - v_uv.x, v_uv.y);
      outColor = texture(u_image, uv);
    }`,
};
