import { glsl, type FilterDefinition } from './filter-definition.ts';

/** The classic sepia matrix, blended with the original by `amount`. */
export const sepia: FilterDefinition = {
  id: 'sepia',
  name: 'Sepia',
  category: 'colour',
  params: [{ name: 'amount', label: 'Amount', min: 0, max: 1, step: 0.05, default: 1 }],
  fragment: glsl`
    uniform float u_amount;
    void main() {
      vec3 c = texture(u_image, v_uv).rgb;
      // GLSL matrices are column by column: each row below is one input channel's weights.
      vec3 toned = mat3(
        0.393, 0.349, 0.272,
        0.769, 0.686, 0.534,
        0.189, 0.168, 0.131) * c;
      outColor = vec4(mix(c, min(toned, 1.0), u_amount), 1.0);
    }`,
};
