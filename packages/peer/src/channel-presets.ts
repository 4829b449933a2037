/**
 * The four kinds of data channel. SCTP gives each channel its own trade-off:
 * reliable ones retransmit until delivered; unreliable ones drop what is late, which is
 * what game state or live cursors want.
 */
export const CHANNEL_PRESETS = {
  /** Every message, in order (like TCP). The default. */
  reliable: { ordered: true },
  /** Every message, in any order: no head-of-line blocking. */
  'reliable-unordered': { ordered: false },
  /** In order, never retransmitted: late messages are dropped. */
  'unreliable-ordered': { ordered: true, maxRetransmits: 0 },
  /** Any order, never retransmitted (like UDP). */
  unreliable: { ordered: false, maxRetransmits: 0 },
} as const satisfies Record<string, RTCDataChannelInit>;

export type ChannelPreset = keyof typeof CHANNEL_PRESETS;
