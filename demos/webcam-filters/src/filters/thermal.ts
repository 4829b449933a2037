import { glsl, type FilterDefinition } from './filter-definition.ts';

/** A heat camera look: brightness through a black-blue-magenta-yellow-white palette. */
export const thermal: FilterDefinition = {
  id: 'thermal',
  name: 'Thermal',
  category: 'colour',
  params: [],
  fragment: glsl`
    const vec3 COLD = vec3(0.0, 0.0, 0.1);
    const vec3 BLUE = vec3(0.1, 0.1, 0.9);
    const vec3 MAGENTA = vec3(0.9, 0.1, 0.6);
    const vec3 YELLOW = vec3(1.0, 0.8, 0.0);
    void main() {
      float heat = luma(texture(u_image, v_uv).rgb) * 4.0;
      // Four blends in a row, each taking over for a quarter of the range.
      vec3 c = mix(COLD, BLUE, clamp(heat, 0.0, 1.0));
      c = mix(c, MAGENTA, clamp(heat - 1.0, 0.0, 1.0));
      c = mix(c, YELLOW, clamp(heat - 2.0, 0.0, 1.0));
      outColor = vec4(mix(c, vec3(1.0), clamp(heat - 3.0, 0.0, 1.0)), 1.0);
    }`,
};
