export {
  attachSignaling,
  type SignalingIo,
  type SignalingServer,
  type SignalingSocket,
} from './signaling-server.ts';
export { DEFAULT_SIGNALING_OPTIONS, type SignalingServerOptions } from './signaling-options.ts';
export {
  checkOrigin,
  originRefusal,
  type OriginPolicy,
  type OriginVerdict,
} from './origin-check.ts';
export { createEventGate, type EventGate, type EventHandlers } from './event-gate.ts';
export { RoomRegistry } from './room-registry.ts';
