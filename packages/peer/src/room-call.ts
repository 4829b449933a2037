import { TypedEmitter } from '@peerlab/events';
import { SignalingClient, type JoinedResult, type PeerInfo } from '@peerlab/signaling';
import { PeerSession } from './peer-session.ts';
import { signalingToPeer } from './peer-signaling.ts';

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

export interface RoomCallOptions {
  /** Sent to every peer (camera, a canvas stream, …); omit to only receive or use data. */
  localStream?: MediaStream;
  iceServers?: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** The connection to the hub; by default a new `SignalingClient` to the page's own origin. */
  signaling?: SignalingClient;
}

/**
 * Everyone in a room calls everyone (a mesh): one PeerSession per other peer, created when the
 * server says a peer is there, closed when it says the peer left.
 *
 * A RoomCall owns its signaling client: `leave()` hangs up every call, leaves the room and
 * closes the connection to the hub, and closing the tab does the same. Local tracks stay yours.
 */
export class RoomCall extends TypedEmitter<RoomCallEvents> {
  readonly sessions = new Map<string, PeerSession>();
  readonly signaling: SignalingClient;
  readonly #unsubscribe: (() => void)[] = [];
  readonly #onPageHide = () => this.leave();

  constructor(readonly options: RoomCallOptions = {}) {
    super();
    this.signaling = options.signaling ?? new SignalingClient();
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
      this.signaling.on('joined', ({ peers }) => peers.forEach((peer) => this.#call(peer))),
      this.signaling.on('error', (error) => this.emit('error', error)),
    );
    addEventListener('pagehide', this.#onPageHide);
    const joined = await this.signaling.join(room, capacity ? { capacity } : {});
    joined.peers.forEach((peer) => this.#call(peer));
    return joined;
  }

  /** Hangs up every call, leaves the room and closes the signaling connection. Safe twice. */
  leave(): void {
    removeEventListener('pagehide', this.#onPageHide);
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    for (const peerId of [...this.sessions.keys()]) this.#hangUp(peerId);
    this.signaling.close();
  }

  #call({ peerId, polite }: PeerInfo): void {
    if (this.sessions.has(peerId) || this.signaling.state === 'closed') return;
    const { localStream, iceServers, iceTransportPolicy } = this.options;
    const session = new PeerSession({
      polite,
      signaling: signalingToPeer(this.signaling, peerId),
      ...(iceServers && { iceServers }),
      ...(iceTransportPolicy && { iceTransportPolicy }),
    });
    session.on('connection-state', (state) => this.emit('peer-state', { peerId, state }));
    session.on('error', (error) => this.emit('error', Object.assign(error, { peerId })));
    this.sessions.set(peerId, session);
    this.emit('peer-added', { peerId, session });
    if (localStream) session.addStream(localStream);
  }

  #hangUp(peerId: string): void {
    const session = this.sessions.get(peerId);
    if (!session) return;
    session.close();
    this.sessions.delete(peerId);
    this.emit('peer-removed', { peerId });
  }
}
