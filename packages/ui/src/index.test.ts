import { expect, it } from 'vitest';
import { PlCallStatus, PlDevicePicker, PlError, PlVideo } from './index.ts';

it('registers all four elements', () => {
  expect(customElements.get('pl-video')).toBe(PlVideo);
  expect(customElements.get('pl-device-picker')).toBe(PlDevicePicker);
  expect(customElements.get('pl-call-status')).toBe(PlCallStatus);
  expect(customElements.get('pl-error')).toBe(PlError);
});
