import { glsl, type FilterDefinition } from './filter-definition.ts';

/** A broken signal: bands of rows jump sideways and the colour channels drift apart. */
export const glitch: FilterDefinition = {
  id: 'glitch',
  name: 'Glitch',
  category: 'stylize',
  params: [{ name: 'amount', label: 'Amount', min: 0, max: 1, step: 0.05, default: 0.5 }],
  fragment: glsl`
    uniform float u_amount;
    void main() {
      // New bands about eight times a second; hash() turns band and moment into noise.
      float band = floor(v_uv.y * 24.0);
      float moment = floor(u_time * 8.0);
      float jump = step(0.8, hash(vec2(band, moment))) * (hash(vec2(moment, band)) - 0.5);
      vec2 uv = vec2(fract(v_uv.x + jump * 0.2 * u_amount), v_uv.y);
      float split = 0.015 * u_amount;
      outColor = vec4(
        texture(u_image, uv + vec2(split, 0.0)).r,
        texture(u_image, uv).g,
        texture(u_image, uv - vec2(split, 0.0)).b,
        1.0);
    }`,
};
