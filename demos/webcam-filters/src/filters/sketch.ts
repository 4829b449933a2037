import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Pencil lines on paper: the edges, dark on a light, faintly shaded page. */
export const sketch: FilterDefinition = {
  id: 'sketch',
  name: 'Sketch',
  category: 'stylize',
  params: [{ name: 'strength', label: 'Line weight', min: 1, max: 10, step: 0.5, default: 5 }],
  fragment: glsl`
    uniform float u_strength;
    void main() {
      float shade = 0.8 + 0.2 * luma(texture(u_image, v_uv).rgb);
      float line = clamp(edgeStrength(v_uv) * u_strength, 0.0, 1.0);
      outColor = vec4(vec3(shade * (1.0 - line)) * vec3(1.0, 0.98, 0.94), 1.0);
    }`,
};
