import type { Server as HttpServer } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import { signalingError, type SignalingErrorPayload } from '../errors.ts';
import {
  joinRequestSchema,
  PROTOCOL_VERSION,
  relayRequestSchema,
  iceReportSchema,
  type ClientEvents,
  type IceConfig,
  type JoinedResult,
  type ServerEvents,
} from '../protocol.ts';
import { describeIssues } from './describe-issues.ts';
import { describeValue } from './describe-value.ts';
import { createEventGate, type Fail } from './event-gate.ts';
import { handshakeGuard } from './handshake-guard.ts';
import { memoryRoomStore } from './memory-room-store.ts';
import { connectScaleOut } from './redis-scale-out.ts';
import { RoomRegistry } from './room-registry.ts';
import { DEFAULT_SIGNALING_OPTIONS, type SignalingServerOptions } from './signaling-options.ts';

export type SignalingIo = Server<ClientEvents, ServerEvents>;
export type SignalingSocket = Socket<ClientEvents, ServerEvents>;

export interface SignalingServer {
  readonly io: SignalingIo;
  readonly options: SignalingServerOptions;
  roomCount(): number;
  /** Peers in every room, counting those in their grace period. */
  peerCount(): number;
  /** Resolves once the server can take peers: at once, or once Redis answered (`redisUrl`). */
  readonly ready: Promise<void>;
  /** Disconnects every client and stops timers; the HTTP server stays yours to close. */
  close(): Promise<void>;
}

/** Adds PeerLab signaling (socket.io at `/socket.io`) to an HTTP server. */
export function attachSignaling(
  httpServer: HttpServer,
  overrides: Partial<SignalingServerOptions> = {},
): SignalingServer {
  const options = { ...DEFAULT_SIGNALING_OPTIONS, ...overrides };
  // #region store
  // One hub keeps its rooms in memory; hubs sharing a Redis keep them there, and socket.io's
  // Redis Streams adapter carries each emit to the hub that holds the socket.
  const scaleOut =
    options.redisUrl === undefined
      ? undefined
      : connectScaleOut(options.redisUrl, {
          ...options,
          onSwept: (room, peerId) => peerLeft(room, peerId, 'disconnected'),
        });
  const registry =
    scaleOut?.store ?? memoryRoomStore(new RoomRegistry(options, { secret: options.resumeSecret }));
  // #endregion store
  const graceTimers = new Set<NodeJS.Timeout>();
  /** Disconnects still being handled: close() waits for them to reach the store. */
  const disconnecting = new Set<Promise<void>>();
  let closed = false;
  const { allowedOrigins } = options;
  const io: SignalingIo = new Server(httpServer, {
    serveClient: false,
    ...(scaleOut && { adapter: scaleOut.adapter }),
    // Above this socket.io drops the connection; below it we answer with a typed error.
    maxHttpBufferSize: Math.max(1_000_000, options.maxPayloadBytes * 4),
    cors:
      allowedOrigins.length > 0
        ? { origin: allowedOrigins.includes('*') ? true : allowedOrigins }
        : undefined,
  });
  const gate = createEventGate<SignalingSocket>({
    handlers: { join: onJoin, leave: onLeave, relay: onRelay, ice: onIce, report: onReport },
    limiter: new RateLimiterMemory({
      points: options.rateLimit.points,
      duration: options.rateLimit.durationSeconds,
    }),
    maxPayloadBytes: options.maxPayloadBytes,
    log: options.log,
    onRefused: (error) => options.observer?.refused(error.code),
  });

  io.use(handshakeGuard(io, options));

  io.on('connection', (socket) => {
    // #region gate
    // Every event passes the same gate (event-gate.ts): rate limit, known name, depth and
    // size caps, then the handler below with its schema. A throw becomes `internal-error`.
    // The gate is async, so one socket's events are chained: each is handled after the one
    // before it, in the order sent, and its disconnect after them all (a `leave` sent just
    // before closing is still a leave, not a drop).
    let handled = Promise.resolve();
    socket.onAny((event: unknown, ...args: unknown[]) => {
      handled = handled.then(() => gate(socket, event, args));
      return handled;
    });
    // #endregion gate

    socket.on('disconnect', () => {
      const done = handled.then(() => onDisconnect(socket)).catch(reportFailure('disconnect'));
      disconnecting.add(done);
      void done.finally(() => disconnecting.delete(done));
    });
  });

  async function onDisconnect(socket: SignalingSocket): Promise<void> {
    const away = await registry.markAway(socket.id);
    if (!away || closed) return;
    const timer = setTimeout(() => {
      graceTimers.delete(timer);
      registry
        .expire(away.room, away.member.peerId)
        .then((expired) => expired && peerLeft(away.room, away.member.peerId, 'disconnected'))
        .catch(reportFailure('grace period end'));
    }, options.graceMs);
    graceTimers.add(timer);
  }

  function peerLeft(room: string, peerId: string, reason: 'left' | 'disconnected'): void {
    io.to(roomKey(room)).emit('peer-left', { peerId, reason });
  }

  function reportFailure(what: string): (error: unknown) => void {
    return (error) => options.log(`Signaling: a ${what} failed: ${(error as Error).message}`);
  }

  async function onJoin(
    socket: SignalingSocket,
    raw: unknown,
    reply: (result: JoinedResult) => void,
    fail: (error: SignalingErrorPayload) => void,
  ): Promise<void> {
    const version = (raw as { v?: unknown } | null)?.v;
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      // describeValue, not String(): `v` may be an object whose toString throws.
      const sent = typeof version === 'number' ? `v${version}` : describeValue(version);
      return fail(
        signalingError(
          'unsupported-version',
          `This server speaks signaling protocol v${PROTOCOL_VERSION}; the page sent ${sent}. Reload the page.`,
        ),
      );
    }
    const parsed = joinRequestSchema.safeParse(raw);
    if (!parsed.success) {
      const roomIssue = parsed.error.issues.find((issue) => issue.path[0] === 'room');
      return fail(
        roomIssue
          ? signalingError('invalid-room-name', roomIssue.message)
          : signalingError('invalid-message', describeIssues('join', parsed.error.issues)),
      );
    }
    // #region join
    if (registry.lookup(socket.id)) await onLeave(socket);
    const { room, capacity, resume } = parsed.data;
    const address = socket.handshake.address;
    const outcome = await registry.join(room, socket.id, {
      capacity,
      address,
      ...(resume && { resume }),
    });
    if (!outcome.ok) return fail(outcome.error);
    const { member } = outcome;
    // Through the adapter: the socket it replaces may be on another hub.
    if (outcome.replacedSocketId) io.in(outcome.replacedSocketId).disconnectSockets(true);
    void socket.join(roomKey(room));
    reply({
      ok: true,
      v: PROTOCOL_VERSION,
      room,
      peerId: member.peerId,
      token: member.token,
      capacity: outcome.capacity,
      peers: outcome.peers,
      resumed: outcome.resumed,
      ...(options.iceFor && { ice: options.iceFor(member.peerId) }),
    });
    if (!outcome.resumed) {
      // The newcomer is polite toward everyone already there, so they are impolite toward it.
      socket.to(roomKey(room)).emit('peer-joined', { peerId: member.peerId, polite: false });
    }
    // #endregion join
  }

  async function onLeave(socket: SignalingSocket): Promise<void> {
    const left = await registry.leave(socket.id);
    if (!left) return;
    void socket.leave(roomKey(left.room));
    peerLeft(left.room, left.member.peerId, 'left');
  }

  /** Fresh ICE servers for the peer this socket is: its TURN credentials before they run out. */
  function onIce(socket: SignalingSocket, reply: (ice: IceConfig) => void, fail: Fail): void {
    const sender = registry.lookup(socket.id);
    if (!sender)
      return fail(
        signalingError('not-in-room', 'Join a room first: ICE servers are handed out per peer.'),
      );
    if (!options.iceFor)
      return fail(signalingError('unknown-event', 'This hub hands out no ICE servers.'));
    reply(options.iceFor(sender.member.peerId));
  }

  function onReport(socket: SignalingSocket, raw: unknown, fail: Fail): void {
    const parsed = iceReportSchema.safeParse(raw);
    if (!parsed.success) {
      return fail(signalingError('invalid-message', describeIssues('report', parsed.error.issues)));
    }
    if (!registry.lookup(socket.id)) return fail(signalingError('not-in-room'));
    options.observer?.iceReported(parsed.data);
  }

  // #region relay
  async function onRelay(
    socket: SignalingSocket,
    raw: unknown,
    fail: (error: SignalingErrorPayload) => void,
  ): Promise<void> {
    const parsed = relayRequestSchema.safeParse(raw);
    if (!parsed.success) {
      return fail(signalingError('invalid-message', describeIssues('relay', parsed.error.issues)));
    }
    const sender = registry.lookup(socket.id);
    if (!sender) return fail(signalingError('not-in-room'));
    const message = { from: sender.member.peerId, payload: parsed.data.payload };
    const { to } = parsed.data;
    if (to === undefined) {
      socket.to(roomKey(sender.room)).emit('relay', message);
      return options.observer?.relayed();
    }
    // The target is looked up inside the sender's room only: a peer id from another room is unknown.
    const target =
      to === sender.member.peerId ? undefined : await registry.connectedSocket(sender.room, to);
    if (!target) {
      return fail(
        signalingError('unknown-peer', `Peer ${to} is not connected in room "${sender.room}".`),
      );
    }
    io.to(target).emit('relay', message);
    options.observer?.relayed();
  }
  // #endregion relay

  return {
    io,
    options,
    ready: scaleOut?.ready ?? Promise.resolve(),
    roomCount: () => registry.roomCount(),
    peerCount: () => registry.peerCount(),
    async close() {
      closed = true;
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
      // Transports close without a goodbye: to clients that is a dropped connection, so they
      // reconnect by themselves, and a hub that comes back (same secret) takes them back.
      io.engine.close();
      if (!scaleOut) return;
      await Promise.all(disconnecting);
      io.of('/').adapter.close();
      await scaleOut.close();
    },
  };
}

function roomKey(room: string): string {
  return `room:${room}`;
}
