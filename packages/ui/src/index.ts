// Importing an element's module registers its tag, so importing this file registers all four.
export { PlCallStatus, type CallState } from './pl-call-status.ts';
export { PlDevicePicker, type DeviceChangeDetail } from './pl-device-picker.ts';
export { describeError, type ErrorDescription } from './describe-error.ts';
export { PlError } from './pl-error.ts';
export { PlVideo } from './pl-video.ts';
