export * from './protocol.ts';
export * from './errors.ts';
export { SignalingClient } from './client.ts';
export type { SignalingClientEvents, SignalingClientOptions, SignalingState } from './client.ts';
export { TypedEmitter } from './typed-emitter.ts';
