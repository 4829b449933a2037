import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Dark horizontal lines, like an old CRT screen. */
export const scanlines: FilterDefinition = {
  id: 'scanlines',
  name: 'Scanlines',
  category: 'stylize',
  params: [
    { name: 'spacing', label: 'Spacing', min: 2, max: 12, step: 1, default: 4 },
    { name: 'darkness', label: 'Darkness', min: 0, max: 1, step: 0.05, default: 0.5 },
  ],
  fragment: glsl`
    uniform float u_spacing;
    uniform float u_darkness;
    void main() {
      float row = floor(v_uv.y * u_resolution.y);
      // The second half of every group of rows is the dark line.
      float dark = step(floor(u_spacing * 0.5), mod(row, u_spacing));
      outColor = vec4(texture(u_image, v_uv).rgb * (1.0 - dark * u_darkness), 1.0);
    }`,
};
