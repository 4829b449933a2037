export {
  type ConstraintOptions,
  type FacingMode,
  type VideoPresetName,
  type VideoSize,
} from './constraint-presets.ts';
export {
  describeMediaError,
  isMediaError,
  type MediaErrorDescription,
} from './describe-media-error.ts';
export { listDevices, switchDevice, watchDevices, type DeviceLists } from './devices.ts';
export { startFrameLoop, type FrameCallback } from './frame-loop.ts';
export {
  openCamera,
  openScreen,
  type OpenCameraOptions,
  type OpenScreenOptions,
} from './open-media.ts';
export { stopStream } from './stop-stream.ts';
