import { glsl, type FilterDefinition } from './filter-definition.ts';

/** Big square blocks, each the colour of the pixel at its centre. */
export const pixelate: FilterDefinition = {
  id: 'pixelate',
  name: 'Pixelate',
  category: 'stylize',
  params: [{ name: 'size', label: 'Block size', min: 2, max: 64, step: 1, default: 12 }],
  fragment: glsl`
    uniform float u_size;
    void main() {
      vec2 pixel = floor(v_uv * u_resolution);
      // Blocks start at the top-left corner; the last row and column of blocks may be cut off.
      vec2 centre = min(floor(pixel / u_size) * u_size + floor(u_size * 0.5), u_resolution - 1.0);
      outColor = texture(u_image, (centre + 0.5) / u_resolution);
    }`,
};
