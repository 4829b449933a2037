import type { Server as HttpServer } from 'node:http';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import { Server, type Socket } from 'socket.io';
import { signalingError, type SignalingErrorPayload } from '../errors.ts';
import {
  joinRequestSchema,
  PROTOCOL_VERSION,
  relayRequestSchema,
  type JoinedResult,
  type JoinReply,
} from '../protocol.ts';
import { isOriginAllowed } from './origin-check.ts';
import { RoomRegistry } from './room-registry.ts';
import { DEFAULT_SIGNALING_OPTIONS, type SignalingServerOptions } from './signaling-options.ts';
import { describeIssues } from './describe-issues.ts';

export interface SignalingServer {
  readonly io: Server;
  readonly options: SignalingServerOptions;
  roomCount(): number;
  /** Disconnects every client and stops timers; the HTTP server stays yours to close. */
  close(): Promise<void>;
}

const KNOWN_EVENTS = new Set(['join', 'leave', 'relay']);
type Ack = (reply: JoinReply) => void;

/** Adds PeerLab signaling (socket.io at `/socket.io`) to an HTTP server. */
export function attachSignaling(
  httpServer: HttpServer,
  overrides: Partial<SignalingServerOptions> = {},
): SignalingServer {
  const options = { ...DEFAULT_SIGNALING_OPTIONS, ...overrides };
  const registry = new RoomRegistry(options);
  const limiter = new RateLimiterMemory({
    points: options.rateLimit.points,
    duration: options.rateLimit.durationSeconds,
  });
  const graceTimers = new Set<NodeJS.Timeout>();
  const io = new Server(httpServer, {
    serveClient: false,
    // Above this socket.io drops the connection; below it we answer with a typed error.
    maxHttpBufferSize: Math.max(1_000_000, options.maxPayloadBytes * 4),
    cors: options.allowedOrigins.length > 0 ? { origin: options.allowedOrigins } : undefined,
  });

  io.use((socket, next) => {
    const { origin, host } = socket.handshake.headers;
    if (isOriginAllowed(origin, host, options.allowedOrigins)) return next();
    const refusal = signalingError(
      'origin-not-allowed',
      `Pages from ${origin} may not use this signaling server. Start it with --origin ${origin} to allow them.`,
    );
    next(Object.assign(new Error(refusal.message), { data: refusal }));
  });

  io.on('connection', (socket) => {
    const refuse = (error: SignalingErrorPayload) => socket.emit('error', error);

    // #region gate
    // Every event passes the same gate: rate limit, size cap, known name, then its schema.
    socket.onAny(async (event: string, ...args: unknown[]) => {
      const ack = typeof args.at(-1) === 'function' ? (args.pop() as Ack) : undefined;
      const fail = (error: SignalingErrorPayload) =>
        event === 'join' && ack ? ack({ ok: false, error }) : refuse({ ...error, event });
      try {
        await limiter.consume(socket.id);
      } catch {
        return fail(signalingError('rate-limited'));
      }
      if (!KNOWN_EVENTS.has(event)) {
        return fail(
          signalingError('unknown-event', `The server does not know the event "${event}".`),
        );
      }
      if (payloadBytes(args) > options.maxPayloadBytes) {
        return fail(
          signalingError(
            'payload-too-large',
            `That "${event}" message is ${payloadBytes(args)} bytes; the limit is ${options.maxPayloadBytes}.`,
          ),
        );
      }
      if (event === 'join')
        return onJoin(
          socket,
          args[0],
          (reply) => (ack ? ack(reply) : socket.emit('joined', reply)),
          fail,
        );
      if (event === 'leave') return onLeave(socket);
      return onRelay(socket, args[0], fail);
    });
    // #endregion gate

    socket.on('disconnect', () => {
      const away = registry.markAway(socket.id);
      if (!away) return;
      const timer = setTimeout(() => {
        graceTimers.delete(timer);
        if (registry.expire(away.room, away.member.peerId)) {
          io.to(roomKey(away.room)).emit('peer-left', {
            peerId: away.member.peerId,
            reason: 'disconnected',
          });
        }
      }, options.graceMs);
      graceTimers.add(timer);
    });
  });

  function onJoin(
    socket: Socket,
    raw: unknown,
    reply: (result: JoinedResult) => void,
    fail: (error: SignalingErrorPayload) => void,
  ): void {
    const version = (raw as { v?: unknown } | null)?.v;
    if (version !== undefined && version !== PROTOCOL_VERSION) {
      return fail(
        signalingError(
          'unsupported-version',
          `This server speaks signaling protocol v${PROTOCOL_VERSION}; the page sent v${String(version)}. Reload the page.`,
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
    if (registry.lookup(socket.id)) onLeave(socket);
    const { room, capacity, resume } = parsed.data;
    const outcome = registry.join(room, socket.id, { capacity, ...(resume && { resume }) });
    if (!outcome.ok) return fail(outcome.error);
    const { member } = outcome;
    if (outcome.replacedSocketId)
      io.sockets.sockets.get(outcome.replacedSocketId)?.disconnect(true);
    void socket.join(roomKey(room));
    reply({
      ok: true,
      v: PROTOCOL_VERSION,
      room,
      peerId: member.peerId,
      token: member.token,
      capacity: outcome.capacity,
      peers: registry.peersOf(room, member),
      resumed: outcome.resumed,
    });
    if (!outcome.resumed) {
      // The newcomer is polite toward everyone already there, so they are impolite toward it.
      socket.to(roomKey(room)).emit('peer-joined', { peerId: member.peerId, polite: false });
    }
    // #endregion join
  }

  function onLeave(socket: Socket): void {
    const left = registry.leave(socket.id);
    if (!left) return;
    void socket.leave(roomKey(left.room));
    io.to(roomKey(left.room)).emit('peer-left', { peerId: left.member.peerId, reason: 'left' });
  }

  // #region relay
  function onRelay(socket: Socket, raw: unknown, fail: (error: SignalingErrorPayload) => void) {
    const parsed = relayRequestSchema.safeParse(raw);
    if (!parsed.success) {
      return fail(signalingError('invalid-message', describeIssues('relay', parsed.error.issues)));
    }
    const sender = registry.lookup(socket.id);
    if (!sender) return fail(signalingError('not-in-room'));
    const message = { from: sender.member.peerId, payload: parsed.data.payload };
    const { to } = parsed.data;
    if (to === undefined) return void socket.to(roomKey(sender.room)).emit('relay', message);
    // The target is looked up inside the sender's room only: a peer id from another room is unknown.
    const target = registry.connectedMember(sender.room, to);
    if (!target?.socketId || target.peerId === sender.member.peerId) {
      return fail(
        signalingError('unknown-peer', `Peer ${to} is not connected in room "${sender.room}".`),
      );
    }
    io.to(target.socketId).emit('relay', message);
  }
  // #endregion relay

  return {
    io,
    options,
    roomCount: () => registry.roomCount(),
    async close() {
      for (const timer of graceTimers) clearTimeout(timer);
      graceTimers.clear();
      io.disconnectSockets(true);
      io.engine.close();
    },
  };
}

function roomKey(room: string): string {
  return `room:${room}`;
}

function payloadBytes(args: unknown[]): number {
  try {
    return Buffer.byteLength(JSON.stringify(args) ?? '');
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
