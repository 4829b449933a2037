import { glsl, type FilterDefinition } from './filter-definition.ts';

/** A whirlpool: the closer to the centre, the more each pixel is turned. */
export const twirl: FilterDefinition = {
  id: 'twirl',
  name: 'Twirl',
  category: 'warp',
  params: [
    { name: 'radius', label: 'Radius', min: 0.1, max: 0.8, step: 0.05, default: 0.45 },
    { name: 'angle', label: 'Turns', min: -2, max: 2, step: 0.1, default: 1 },
  ],
  fragment: glsl`
    uniform float u_radius;
    uniform float u_angle;
    void main() {
      vec2 aspect = vec2(u_resolution.x / u_resolution.y, 1.0);
      vec2 d = (v_uv - 0.5) * aspect;
      float t = max(1.0 - length(d) / u_radius, 0.0);
      float a = u_angle * 6.2832 * t * t;
      d = mat2(cos(a), sin(a), -sin(a), cos(a)) * d;
      outColor = texture(u_image, d / aspect + 0.5);
    }`,
};
