import { io, type ManagerOptions, type Socket, type SocketOptions } from 'socket.io-client';
import { SignalingError, signalingError, type SignalingErrorPayload } from './errors.ts';
// Types only from protocol.ts (they vanish at build time); values from the module without zod.
import type {
  ClientEvents,
  IceConfig,
  IceReply,
  IceReport,
  JoinedResult,
  JoinReply,
  JoinRequest,
  PeerInfo,
  PeerLeft,
  RelayedSignal,
  ServerEvents,
  SignalPayload,
} from './protocol.ts';
import { PROTOCOL_VERSION } from './protocol-limits.ts';
import { TypedEmitter } from '@peerlab/events';

const JOIN_TIMEOUT_MS = 10_000;
/** An ICE refresh is worth waiting for only briefly: the credentials in hand may still do. */
const ICE_TIMEOUT_MS = 3_000;

/** `connecting` → `connected` ⇄ `reconnecting`, and `closed` once `close()` is called. */
export type SignalingState = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface SignalingClientEvents {
  /** Joined a room, the first time or again after a reconnect (`resumed` tells which). */
  joined: JoinedResult;
  'peer-joined': PeerInfo;
  'peer-left': PeerLeft;
  /** A description, candidate or message from another peer of the room. */
  signal: RelayedSignal;
  /** The server refused something this client sent, or the connection was refused. */
  error: SignalingError;
  state: SignalingState;
}

export interface SignalingClientOptions {
  /** The hub's URL; defaults to the page's own origin. */
  url?: string;
  /** Extra socket.io client options (tests pass `extraHeaders`, `reconnectionDelay`, …). */
  socket?: Partial<ManagerOptions & SocketOptions>;
  /** How long a join may wait for the hub's answer before `hub-unreachable` (default 10 s). */
  joinTimeoutMs?: number;
}

/**
 * The browser side of PeerLab signaling. It joins one room at a time, relays to one peer or to
 * the room, and after a dropped connection reconnects and re-joins with the same peer id.
 */
export class SignalingClient extends TypedEmitter<SignalingClientEvents> {
  readonly socket: Socket<ServerEvents, ClientEvents>;
  #state: SignalingState = 'connecting';
  #joined: JoinedResult | undefined;
  #wanted: { room: string; capacity?: number } | undefined;
  /** Relays sent while reconnecting wait here until the room is joined again. */
  #pending: { to?: string; payload: SignalPayload }[] = [];
  readonly #joinTimeoutMs: number;

  constructor(options: SignalingClientOptions = {}) {
    super();
    this.#joinTimeoutMs = options.joinTimeoutMs ?? JOIN_TIMEOUT_MS;
    const settings = { transports: ['websocket'], ...options.socket };
    this.socket = options.url ? io(options.url, settings) : io(settings);
    this.socket.on('connect', () => void this.#onConnect());
    this.socket.on('disconnect', () => {
      if (this.#state !== 'closed') this.#setState('reconnecting');
    });
    this.socket.on('connect_error', (err: Error & { data?: SignalingErrorPayload }) => {
      // A middleware refusal (such as origin-not-allowed) is final; a network error retries.
      if (err.data?.code) this.emit('error', new SignalingError(err.data));
    });
    this.socket.on('peer-joined', (info: PeerInfo) => this.emit('peer-joined', info));
    this.socket.on('peer-left', (info: PeerLeft) => this.emit('peer-left', info));
    this.socket.on('relay', (signal: RelayedSignal) => this.emit('signal', signal));
    this.socket.on('error', (error: SignalingErrorPayload) =>
      this.emit('error', new SignalingError(error)),
    );
  }

  get state(): SignalingState {
    return this.#state;
  }

  /** This client's peer id in its room, once joined. */
  get peerId(): string | undefined {
    return this.#joined?.peerId;
  }

  get room(): string | undefined {
    return this.#joined?.room;
  }

  /** The ICE servers the hub gave with the last join, if it gives any. */
  get ice(): IceConfig | undefined {
    return this.#joined?.ice;
  }

  /**
   * Asks the hub for fresh ICE servers (new TURN credentials) for this peer. Rejects with a
   * SignalingError: `not-in-room` before a join, `hub-unreachable` if no answer comes soon.
   */
  async refreshIce(): Promise<IceConfig> {
    let reply: IceReply;
    try {
      reply = await this.socket.timeout(ICE_TIMEOUT_MS).emitWithAck('ice');
    } catch {
      throw new SignalingError(
        signalingError(
          'hub-unreachable',
          `The hub did not hand out fresh ICE servers within ${ICE_TIMEOUT_MS / 1000} s.`,
          'ice',
        ),
      );
    }
    if (!reply.ok) throw new SignalingError(reply.error);
    if (this.#joined) this.#joined = { ...this.#joined, ice: reply.ice };
    return reply.ice;
  }

  /** Joins `room` (leaving any other). Rejects with a SignalingError, e.g. `room-full`. */
  async join(room: string, options: { capacity?: number } = {}): Promise<JoinedResult> {
    this.#wanted = { room, ...options };
    const result = await this.#requestJoin({ v: PROTOCOL_VERSION, room, ...options });
    this.#joined = result;
    this.emit('joined', result);
    return result;
  }

  /** Sends to one peer of the room. */
  send(to: string, payload: SignalPayload): void {
    this.#relay({ to, payload });
  }

  /** Sends to every other peer of the room. */
  broadcast(payload: SignalPayload): void {
    this.#relay({ payload });
  }

  /** Tells the hub how a call's ICE went, for its metrics. Dropped while not in a room. */
  report(report: IceReport): void {
    if (this.socket.connected && this.#joined) this.socket.emit('report', report);
  }

  leave(): void {
    this.#wanted = undefined;
    this.#joined = undefined;
    this.#pending = [];
    if (this.socket.connected) this.socket.emit('leave');
  }

  close(): void {
    this.leave();
    this.#setState('closed');
    this.socket.disconnect();
    this.removeAllListeners();
  }

  #relay(message: { to?: string; payload: SignalPayload }): void {
    if (this.socket.connected && this.#joined) this.socket.emit('relay', message);
    else this.#pending.push(message);
  }

  async #onConnect(): Promise<void> {
    const previous = this.#joined;
    if (!this.#wanted || !previous) return this.#setState('connected');
    // Back after a drop: reclaim the same peer id (and role) with the secret token.
    this.#joined = undefined;
    try {
      const result = await this.#requestJoin({
        v: PROTOCOL_VERSION,
        ...this.#wanted,
        resume: { peerId: previous.peerId, token: previous.token },
      });
      this.#joined = result;
      this.#setState('connected');
      this.emit('joined', result);
      for (const message of this.#pending.splice(0)) this.#relay(message);
    } catch (error) {
      this.#setState('connected');
      this.emit('error', error as SignalingError);
    }
  }

  async #requestJoin(request: JoinRequest): Promise<JoinedResult> {
    let reply: JoinReply;
    try {
      reply = await this.socket.timeout(this.#joinTimeoutMs).emitWithAck('join', request);
    } catch {
      throw new SignalingError(
        signalingError(
          'hub-unreachable',
          `The hub did not answer within ${this.#joinTimeoutMs / 1000} s. Is it running?`,
          'join',
        ),
      );
    }
    if (!reply.ok) throw new SignalingError(reply.error);
    return reply;
  }

  #setState(state: SignalingState): void {
    if (this.#state === state) return;
    this.#state = state;
    this.emit('state', state);
  }
}
