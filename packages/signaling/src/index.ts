export * from './protocol.ts';
export * from './errors.ts';
export { SignalingClient } from './client.ts';
export type { SignalingClientEvents, SignalingClientOptions, SignalingState } from './client.ts';
export {
  describeSignalingError,
  type SignalingErrorDescription,
} from './describe-signaling-error.ts';
