export {
  attachSignaling,
  type SignalingIo,
  type SignalingServer,
  type SignalingSocket,
} from './signaling-server.ts';
export {
  DEFAULT_SIGNALING_OPTIONS,
  type SignalingObserver,
  type SignalingServerOptions,
} from './signaling-options.ts';
export { originRefusal, type OriginPolicy } from './origin-check.ts';
