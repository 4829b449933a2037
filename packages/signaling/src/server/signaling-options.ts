/** How a signaling server behaves; every field has a default. */
export interface SignalingServerOptions {
  /** Page origins allowed besides the server's own (`*` for any). */
  allowedOrigins: string[];
  /** Peers a room holds when its creator does not ask for a size. */
  defaultCapacity: number;
  /** The largest room a creator may ask for. */
  maxCapacity: number;
  /** How long a dropped peer keeps its id and slot before the room hears `peer-left`. */
  graceMs: number;
  /** The largest event payload accepted, in bytes of JSON. */
  maxPayloadBytes: number;
  /** Events each connection may send per `durationSeconds`. */
  rateLimit: { points: number; durationSeconds: number };
}

export const DEFAULT_SIGNALING_OPTIONS: SignalingServerOptions = {
  allowedOrigins: [],
  defaultCapacity: 2,
  maxCapacity: 16,
  graceMs: 5_000,
  // An SDP with a dozen transceivers is ~20 KB; 64 KiB leaves room and stops abuse.
  maxPayloadBytes: 64 * 1024,
  // Trickle ICE bursts a few dozen candidates per negotiation; 100/s is plenty for a person.
  rateLimit: { points: 100, durationSeconds: 1 },
};
