import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Bright where the brightness changes fast (an outline), black elsewhere. */
export const edges: FilterDefinition = {
  id: 'edges',
  name: 'Edges',
  category: 'stylize',
  params: [{ name: 'strength', label: 'Strength', min: 1, max: 10, step: 0.5, default: 4 }],
  fragment: glsl`
    uniform float u_strength;
    void main() {
      outColor = vec4(vec3(edgeStrength(v_uv) * u_strength), 1.0);
    }`,
};
