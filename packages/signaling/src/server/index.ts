export { attachSignaling, type SignalingServer } from './signaling-server.ts';
export { DEFAULT_SIGNALING_OPTIONS, type SignalingServerOptions } from './signaling-options.ts';
export { isOriginAllowed } from './origin-check.ts';
export { RoomRegistry } from './room-registry.ts';
