import { TypedEmitter } from '@peerlab/events';
import {
  SignalingClient,
  type IceConfig,
  type JoinedResult,
  type PeerInfo,
} from '@peerlab/signaling';
import type { ChannelPreset } from './channel-presets.ts';
import { iceOutcome } from './ice-outcome.ts';
import { PeerSession } from './peer-session.ts';
import {
  signalingToLaterPeer,
  signalingToPeer,
  type LaterPeerSignaling,
  type PeerSignaling,
} from './peer-signaling.ts';

/**
 * A ready call older than this is made again when used: the network may have changed since,
 * and TURN credentials run out.
 */
const SPARE_MAX_AGE_MS = 5 * 60_000;

/**
 * The spare is made this long after the room last changed: a call that has just connected is
 * busy with its first frames, and making an offer meanwhile would slow them down.
 */
const SPARE_DELAY_MS = 1_000;

/** TURN credentials are renewed when this share of their lifetime has passed. */
const ICE_REFRESH_AT = 0.8;
/** A refresh that failed (the hub restarting, say) is tried again after this long. */
const ICE_RETRY_MS = 15_000;

export interface RoomCallEvents {
  /**
   * A call with a new peer began. Open its data channels here (synchronously) if you need
   * them; `session.remoteStream` fills up as its tracks arrive.
   */
  'peer-added': { peerId: string; session: PeerSession };
  'peer-removed': { peerId: string };
  'peer-state': { peerId: string; state: RTCPeerConnectionState };
  /** A `SignalingError` from the hub, or a `PeerError` of one peer's call (`peerId` says which). */
  error: Error & { peerId?: string };
}

/** A data channel every call opens, negotiated by id (see `PeerSession.createChannel`). */
export interface ChannelSpec {
  label: string;
  negotiatedId: number;
  preset?: ChannelPreset;
}

export interface RoomCallOptions {
  /** Sent to every peer (camera, a canvas stream, …); omit to only receive or use data. */
  localStream?: MediaStream;
  /**
   * Data channels every call opens. Declared here, they are in a call's first offer;
   * `session.createChannel(label, { negotiatedId })` in `peer-added` hands back the open one.
   */
  channels?: ChannelSpec[];
  /**
   * STUN/TURN servers to use as they are. By default each call uses the ones the hub gives
   * this peer with its join, and renews their TURN credentials before they run out.
   */
  iceServers?: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** The connection to the hub; by default a new `SignalingClient` to the page's own origin. */
  signaling?: SignalingClient;
}

/** A call made before anyone joins: its offer is ready and its candidates are gathered. */
interface Spare {
  session: PeerSession;
  signaling: LaterPeerSignaling;
  madeAt: number;
}

/**
 * Everyone in a room calls everyone (a mesh): one PeerSession per other peer, created when the
 * server says a peer is there, closed when it says the peer left.
 *
 * The peers already in a room make the offers (they are the impolite side). Each keeps one
 * call ready for the next newcomer: tracks and channels on it, offer made, ICE candidates
 * gathered. When someone joins, it all goes out at once, which saves the newcomer the wait for
 * an RTCPeerConnection and its offer.
 *
 * A RoomCall owns its signaling client: `leave()` hangs up every call, leaves the room and
 * closes the connection to the hub, and closing the tab does the same. Local tracks stay yours.
 */
export class RoomCall extends TypedEmitter<RoomCallEvents> {
  readonly sessions = new Map<string, PeerSession>();
  readonly signaling: SignalingClient;
  readonly #unsubscribe: (() => void)[] = [];
  readonly #onPageHide = () => this.leave();
  #localStream: MediaStream | undefined;
  #spare: Spare | undefined;
  #spareTimer: ReturnType<typeof setTimeout> | undefined;
  #capacity = 0;
  #iceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(readonly options: RoomCallOptions = {}) {
    super();
    this.signaling = options.signaling ?? new SignalingClient();
    this.#localStream = options.localStream;
  }

  /** The call kept ready for the next peer who joins, if there is one now (not in `sessions`). */
  get spare(): PeerSession | undefined {
    return this.#spare?.session;
  }

  /** What every peer gets: set by the `localStream` option or by {@link setLocalStream}. */
  get localStream(): MediaStream | undefined {
    return this.#localStream;
  }

  /**
   * Sends `stream` to every peer, now and later: for a camera that opens after the join.
   * Each call renegotiates by itself.
   */
  setLocalStream(stream: MediaStream): void {
    this.#localStream = stream;
    for (const session of this.sessions.values()) session.addStream(stream);
    this.#dropSpare(); // its offer has no tracks: the next one will
    this.#prepareSpareSoon();
  }

  /**
   * Joins the room and calls everyone in it; `capacity` sizes the room if this creates it.
   * Rejects with the server's error (e.g. room full).
   */
  async join(room: string, capacity?: number): Promise<JoinedResult> {
    this.#unsubscribe.push(
      this.signaling.on('peer-joined', (peer) => this.#call(peer)),
      this.signaling.on('peer-left', ({ peerId }) => this.#hangUp(peerId)),
      // After a signaling reconnect the calls themselves are still up: keep them, add newcomers.
      // Not resumed (away past the grace period), we have a new peer id: the room hung up on
      // the old one and calls the new one afresh, so our old calls are dead.
      this.signaling.on('joined', ({ peers, resumed, ice }) => {
        if (ice) this.#useIce(ice);
        if (!resumed) for (const peerId of [...this.sessions.keys()]) this.#hangUp(peerId);
        peers.forEach((peer) => this.#call(peer));
      }),
      this.signaling.on('error', (error) => this.emit('error', error)),
    );
    addEventListener('pagehide', this.#onPageHide);
    const joined = await this.signaling.join(room, capacity ? { capacity } : {});
    this.#capacity = joined.capacity;
    joined.peers.forEach((peer) => this.#call(peer));
    this.#prepareSpareSoon();
    return joined;
  }

  /** Hangs up every call, leaves the room and closes the signaling connection. Safe twice. */
  leave(): void {
    removeEventListener('pagehide', this.#onPageHide);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    for (const peerId of [...this.sessions.keys()]) this.#hangUp(peerId);
    clearTimeout(this.#spareTimer);
    clearTimeout(this.#iceTimer);
    this.#dropSpare();
    this.signaling.close();
  }

  #call({ peerId, polite }: PeerInfo): void {
    if (this.sessions.has(peerId) || this.signaling.state === 'closed') return;
    // Only the offering side can use the ready call: the polite side answers an offer.
    const spare = polite ? undefined : this.#takeSpare();
    const session =
      spare?.session ?? this.#newSession(signalingToPeer(this.signaling, peerId), polite);
    const startedAt = performance.now();
    let reported = false;
    session.on('connection-state', (state) => {
      this.emit('peer-state', { peerId, state });
      if (state !== 'new' && state !== 'connecting') this.#prepareSpareSoon();
      // The hub counts how calls connect (its /metrics): the first outcome of each call.
      if (!reported && (state === 'connected' || state === 'failed')) {
        reported = true;
        void iceOutcome(session.pc, state, startedAt).then((report) =>
          this.signaling.report(report),
        );
      }
    });
    session.on('error', (error) => this.emit('error', Object.assign(error, { peerId })));
    this.sessions.set(peerId, session);
    this.emit('peer-added', { peerId, session });
    if (spare)
      spare.signaling.address(peerId); // its offer and candidates go out now
    else if (this.#localStream) session.addStream(this.#localStream);
  }

  #hangUp(peerId: string): void {
    const session = this.sessions.get(peerId);
    if (!session) return;
    session.close();
    this.sessions.delete(peerId);
    this.emit('peer-removed', { peerId });
    this.#prepareSpareSoon();
  }

  #newSession(signaling: PeerSignaling, polite: boolean): PeerSession {
    const { iceTransportPolicy, channels = [] } = this.options;
    const fromHub = !this.options.iceServers;
    const iceServers = this.options.iceServers ?? this.signaling.ice?.iceServers;
    const session = new PeerSession({
      polite,
      signaling,
      ...(iceServers && { iceServers }),
      ...(iceTransportPolicy && { iceTransportPolicy }),
      ...(fromHub && { refreshIceServers: () => this.#refreshIce() }),
    });
    for (const { label, negotiatedId, preset } of channels) {
      session.createChannel(label, { negotiatedId, ...(preset && { preset }) });
    }
    return session;
  }

  // #region renew-ice
  /** The hub's ICE servers for this peer, from a join or a refresh: every call takes them. */
  #useIce(ice: IceConfig): void {
    clearTimeout(this.#iceTimer);
    if (this.options.iceServers) return;
    const calls = [...this.sessions.values(), ...(this.#spare ? [this.#spare.session] : [])];
    for (const session of calls) session.setIceServers(ice.iceServers);
    if (ice.ttlSeconds !== undefined) {
      this.#renewIceIn(Math.max(1_000, ice.ttlSeconds * 1_000 * ICE_REFRESH_AT));
    }
  }

  #renewIceIn(ms: number): void {
    clearTimeout(this.#iceTimer);
    this.#iceTimer = setTimeout(() => {
      this.#refreshIce().catch(() => {
        if (this.signaling.state !== 'closed') this.#renewIceIn(ICE_RETRY_MS);
      });
    }, ms);
  }

  async #refreshIce(): Promise<RTCIceServer[]> {
    const ice = await this.signaling.refreshIce();
    if (this.signaling.state !== 'closed') this.#useIce(ice);
    return ice.iceServers;
  }
  // #endregion renew-ice

  #prepareSpareSoon(): void {
    clearTimeout(this.#spareTimer);
    this.#spareTimer = setTimeout(() => this.#prepareSpare(), SPARE_DELAY_MS);
  }

  /**
   * Makes the call for the next newcomer, when there is something to offer and nothing else
   * is being set up (it would compete for the CPU), and the room has space for one more.
   */
  #prepareSpare(): void {
    if (this.#spare || this.#capacity === 0 || this.signaling.state === 'closed') return;
    if (this.sessions.size + 1 >= this.#capacity) return;
    if (!this.#localStream && !this.options.channels?.length) return;
    const settingUp = [...this.sessions.values()].some(({ connectionState: state }) =>
      ['new', 'connecting'].includes(state),
    );
    if (settingUp) return;
    const signaling = signalingToLaterPeer(this.signaling);
    const session = this.#newSession(signaling, false);
    if (this.#localStream) session.addStream(this.#localStream);
    // A spare that cannot make its offer is of no use: the next newcomer gets a new call.
    session.once('error', () => this.#spare?.session === session && this.#dropSpare());
    this.#spare = { session, signaling, madeAt: performance.now() };
  }

  #takeSpare(): Spare | undefined {
    const spare = this.#spare;
    this.#spare = undefined;
    if (!spare) return undefined;
    if (performance.now() - spare.madeAt > SPARE_MAX_AGE_MS) return void spare.session.close();
    // A device switch or a shared screen swaps tracks in the stream: send what it holds now.
    const tracks = this.#localStream?.getTracks() ?? [];
    for (const sender of spare.session.pc.getSenders()) {
      const sent = sender.track;
      if (!sent || tracks.includes(sent)) continue;
      void sender.replaceTrack(tracks.find((track) => track.kind === sent.kind) ?? null);
    }
    return spare;
  }

  #dropSpare(): void {
    this.#spare?.session.close();
    this.#spare = undefined;
  }
}
