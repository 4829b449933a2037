import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { signalingError } from '../errors.ts';
import type { PeerInfo } from '../protocol.ts';
import {
  EXPIRE_SCRIPT,
  HEARTBEAT_SCRIPT,
  JOIN_SCRIPT,
  LEAVE_SCRIPT,
  MARK_AWAY_SCRIPT,
  SOCKET_SCRIPT,
} from './redis-room-scripts.ts';
import type { JoinOutcome, JoinRequest, RoomStore, Seat } from './room-store.ts';

export interface RedisRoomStoreOptions {
  defaultCapacity: number;
  maxCapacity: number;
  maxRoomsPerAddress: number;
  graceMs: number;
  /** A hub that has not renewed its heartbeat for this long is dead: its peers go away. */
  nodeTtlMs: number;
  /** A member of a dead hub was removed (its grace period is over): tell its room. */
  onSwept(room: string, peerId: string): void;
  log(line: string): void;
  /** Keys start with it, so several hub clusters can share one Redis. */
  prefix?: string;
}

type Script = (...args: (string | number)[]) => Promise<unknown>;

/**
 * Rooms shared by every hub on one Redis: capacity, roles and resume tokens hold whichever
 * hub a peer reaches. This process keeps only its own sockets' seats, to answer `lookup`.
 */
export class RedisRoomStore implements RoomStore {
  /** This hub's id in Redis: the members it seats are swept with it if it dies. */
  readonly node = randomUUID();
  readonly #redis: Redis;
  readonly #options: RedisRoomStoreOptions;
  readonly #prefix: string;
  readonly #bySocket = new Map<string, Seat>();
  /** When each member marked away here left, so `expire` ends that absence and no later one. */
  readonly #awaySince = new Map<string, number>();
  readonly #scripts: Record<
    'join' | 'leave' | 'markAway' | 'expire' | 'socket' | 'heartbeat',
    Script
  >;
  readonly #heartbeat: NodeJS.Timeout;
  #counts = { rooms: 0, peers: 0 };

  constructor(redis: Redis, options: RedisRoomStoreOptions) {
    this.#redis = redis;
    this.#options = options;
    this.#prefix = options.prefix ?? 'peerlab:';
    this.#scripts = {
      join: this.#define('peerlabJoin', JOIN_SCRIPT),
      leave: this.#define('peerlabLeave', LEAVE_SCRIPT),
      markAway: this.#define('peerlabMarkAway', MARK_AWAY_SCRIPT),
      expire: this.#define('peerlabExpire', EXPIRE_SCRIPT),
      socket: this.#define('peerlabSocket', SOCKET_SCRIPT),
      heartbeat: this.#define('peerlabHeartbeat', HEARTBEAT_SCRIPT),
    };
    this.#heartbeat = setInterval(() => void this.beat(), options.nodeTtlMs / 3);
    this.#heartbeat.unref();
  }

  /** Renews this hub's heartbeat and sweeps dead hubs' peers; the first one starts the hub. */
  async beat(): Promise<void> {
    const { nodeTtlMs, graceMs, onSwept, log } = this.#options;
    try {
      const [rooms, peers, ...removed] = (await this.#scripts.heartbeat(
        this.#prefix,
        this.node,
        nodeTtlMs,
        Date.now(),
        graceMs,
      )) as [number, number, ...string[]];
      this.#counts = { rooms, peers };
      for (const seat of removed) onSwept(...(JSON.parse(seat) as [string, string]));
    } catch (error) {
      log(`Signaling: the Redis heartbeat failed: ${(error as Error).message}`);
    }
  }

  async join(room: string, socketId: string, request: JoinRequest): Promise<JoinOutcome> {
    const { maxCapacity, defaultCapacity, maxRoomsPerAddress } = this.#options;
    if (request.capacity !== undefined && request.capacity > maxCapacity) {
      return {
        ok: false,
        error: signalingError(
          'capacity-too-large',
          `Rooms on this server hold at most ${maxCapacity} peers; you asked for ${request.capacity}.`,
        ),
      };
    }
    const newPeerId = randomUUID();
    const newToken = randomBytes(32).toString('base64url');
    const [outcome, seq, capacity, replaced, peers] = (await this.#scripts.join(
      this.#prefix,
      room,
      socketId,
      this.node,
      request.capacity ?? '',
      defaultCapacity,
      request.address ?? '',
      maxRoomsPerAddress,
      request.resume?.peerId ?? '',
      request.resume ? hash(request.resume.token) : '',
      newPeerId,
      hash(newToken),
    )) as [string, number, number, string, string];
    if (outcome === 'too-many-rooms') {
      return {
        ok: false,
        error: signalingError(
          'too-many-rooms',
          `Your network address already has ${maxRoomsPerAddress} rooms open on this hub, the most it allows. Leave one, or join an existing room.`,
        ),
      };
    }
    if (outcome === 'room-full') {
      return {
        ok: false,
        error: signalingError(
          'room-full',
          `Room "${room}" is full (${capacity} of ${capacity} peers). Pick another room name or ask someone to leave.`,
        ),
      };
    }
    const resumed = outcome === 'resumed';
    const member = {
      peerId: resumed ? request.resume!.peerId : newPeerId,
      token: resumed ? request.resume!.token : newToken,
      seq,
      socketId,
    };
    this.#bySocket.set(socketId, { room, member });
    return {
      ok: true,
      member,
      capacity,
      resumed,
      replacedSocketId: replaced === '' ? null : replaced,
      peers: toPeers(peers),
    };
  }

  lookup(socketId: string): Seat | undefined {
    return this.#bySocket.get(socketId);
  }

  async connectedSocket(room: string, peerId: string): Promise<string | undefined> {
    const socketId = (await this.#scripts.socket(this.#prefix, room, peerId)) as string;
    return socketId === '' ? undefined : socketId;
  }

  async leave(socketId: string): Promise<Seat | undefined> {
    const seat = this.#bySocket.get(socketId);
    if (!seat) return undefined;
    this.#bySocket.delete(socketId);
    const removed = await this.#scripts.leave(
      this.#prefix,
      seat.room,
      seat.member.peerId,
      socketId,
    );
    return removed === 1 ? seat : undefined;
  }

  async markAway(socketId: string): Promise<Seat | undefined> {
    const seat = this.#bySocket.get(socketId);
    if (!seat) return undefined;
    this.#bySocket.delete(socketId);
    const now = Date.now();
    const { room, member } = seat;
    // Not marked when another socket holds the seat now: the peer resumed elsewhere.
    if ((await this.#scripts.markAway(this.#prefix, room, member.peerId, socketId, now)) !== 1) {
      return undefined;
    }
    this.#awaySince.set(`${room}\n${member.peerId}`, now);
    return { room, member: { ...member, socketId: null } };
  }

  async expire(room: string, peerId: string): Promise<boolean> {
    const key = `${room}\n${peerId}`;
    const since = this.#awaySince.get(key);
    this.#awaySince.delete(key);
    if (since === undefined) return false;
    return (await this.#scripts.expire(this.#prefix, room, peerId, since)) === 1;
  }

  /** Rooms open on every hub, as of the last heartbeat. */
  roomCount(): number {
    return this.#counts.rooms;
  }

  /** Peers on every hub, as of the last heartbeat. */
  peerCount(): number {
    return this.#counts.peers;
  }

  /** Stops the heartbeat and lets it lapse at once: other hubs sweep this one's peers. */
  async close(): Promise<void> {
    clearInterval(this.#heartbeat);
    await this.#redis.del(`${this.#prefix}alive:${this.node}`).catch(() => {});
  }

  #define(name: string, lua: string): Script {
    this.#redis.defineCommand(name, { numberOfKeys: 0, lua });
    const command = (this.#redis as unknown as Record<string, Script>)[name]!;
    return (...args) => command.apply(this.#redis, args);
  }
}

function hash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toPeers(json: string): PeerInfo[] {
  const peers = JSON.parse(json) as unknown;
  // Lua's cjson writes an empty list as `{}`.
  return Array.isArray(peers) ? (peers as PeerInfo[]) : [];
}
