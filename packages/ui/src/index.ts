// Importing an element's module registers its tag, so importing this file registers all four.
export { CALL_STATE_SENTENCES, PlCallStatus, type CallState } from './pl-call-status.ts';
export { PlDevicePicker, type DeviceChangeDetail } from './pl-device-picker.ts';
export { PlError, type ErrorDescription } from './pl-error.ts';
export { PlVideo } from './pl-video.ts';
