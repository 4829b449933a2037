import { ROOM_CAPACITY } from '../protocol-limits.ts';
import type { SignalingErrorCode } from '../errors.ts';
import type { IceConfig, IceReport } from '../protocol.ts';

/** How a signaling server behaves; every field has a default. */
export interface SignalingServerOptions {
  /** Page origins allowed besides the server's own (`*` for any). */
  allowedOrigins: string[];
  /**
   * The origins this server is reached at (`http://192.168.1.20:8080`, a public URL): requests
   * naming another host are refused. Loopback names on any port are always served.
   */
  servedOrigins: string[];
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
  /**
   * Connections open at once from one client address. The address is the TCP peer's: behind
   * a reverse proxy every client shares the proxy's (X-Forwarded-For is not trusted, on purpose).
   */
  maxConnectionsPerAddress: number;
  /** Rooms one client address may have created and still open. */
  maxRoomsPerAddress: number;
  /** Where the server reports an event that failed unexpectedly (one line each). */
  log: (line: string) => void;
  /**
   * Signs resume tokens. A hub restarted with the same secret takes back the peers of its
   * rooms with their ids and roles, so their calls go on; by default a random one per process.
   */
  resumeSecret?: string;
  /**
   * The ICE servers for one peer, with TURN credentials of its own: sent in every `join`
   * answer and on `ice`. Without it, joins carry none and `ice` is refused.
   */
  iceFor?: (peerId: string) => IceConfig;
  /**
   * Share rooms with the other hubs on this Redis (`redis://host:6379`, or a unix socket
   * path): capacity, roles and resume tokens then hold whichever hub a peer reaches.
   */
  redisUrl?: string;
  /**
   * With `redisUrl`: a hub whose heartbeat in Redis is this old is taken for dead, and its
   * peers get their grace period, then leave their rooms.
   */
  nodeTtlMs: number;
  /** Told of what happens, for metrics (`/metrics` on the hub). */
  observer?: SignalingObserver;
}

/** What a signaling server tells its observer: each call is one thing that happened. */
export interface SignalingObserver {
  /** A relay went out, to one peer or to a room. */
  relayed(): void;
  /** An event (or a connection) was refused with `code`. */
  refused(code: SignalingErrorCode): void;
  /** A page said how one call's ICE went. */
  iceReported(report: IceReport): void;
}

export const DEFAULT_SIGNALING_OPTIONS: SignalingServerOptions = {
  allowedOrigins: [],
  servedOrigins: [],
  defaultCapacity: ROOM_CAPACITY.default,
  maxCapacity: ROOM_CAPACITY.max,
  graceMs: 5_000,
  // An SDP with a dozen transceivers is ~20 KB; 64 KiB leaves room and stops abuse.
  maxPayloadBytes: 64 * 1024,
  // Trickle ICE bursts a few dozen candidates per negotiation; 100/s is plenty for a person.
  rateLimit: { points: 100, durationSeconds: 1 },
  // Generous: a classroom behind one NAT, or a test run with many browser contexts, shares one.
  maxConnectionsPerAddress: 32,
  maxRoomsPerAddress: 16,
  nodeTtlMs: 10_000,
  log: (line) => console.warn(line),
};
