export { PeerSession } from './peer-session.ts';
export type { PeerSessionEvents, PeerSessionOptions } from './peer-session.ts';
export { PeerChannel } from './peer-channel.ts';
export type { PeerChannelEvents } from './peer-channel.ts';
export { CHANNEL_PRESETS, type ChannelPreset } from './channel-presets.ts';
export { negotiatePerfectly } from './perfect-negotiation.ts';
export { restartIceWhenStuck, type IceRestartReason } from './restart-ice-when-stuck.ts';
export { channelToPeer, createLoopbackSignaling } from './signaling-channel.ts';
export type { SignalingChannel } from './signaling-channel.ts';
