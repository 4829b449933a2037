import { TypedEmitter, type PeerInfo, type SignalingClient } from '@peerlab/signaling';
import { PeerSession } from './peer-session.ts';
import { channelToPeer } from './signaling-channel.ts';

export interface RoomCallEvents {
  /**
   * A call with a new peer began. Open its data channels here (synchronously) if you need
   * them; `session.remoteStream` fills up as its tracks arrive.
   */
  'peer-added': { peerId: string; session: PeerSession };
  'peer-removed': { peerId: string };
  'peer-state': { peerId: string; state: RTCPeerConnectionState };
  error: Error;
}

export interface RoomCallOptions {
  /** Sent to every peer (camera, a canvas stream, …); omit to only receive or use data. */
  localStream?: MediaStream;
  iceServers?: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
}

/**
 * Everyone in a room calls everyone (a mesh): one PeerSession per other peer, created when the
 * server says a peer is there, closed when it says the peer left.
 */
export class RoomCall extends TypedEmitter<RoomCallEvents> {
  readonly sessions = new Map<string, PeerSession>();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(
    readonly signaling: SignalingClient,
    readonly options: RoomCallOptions = {},
  ) {
    super();
  }

  /** Joins the room and calls everyone in it. Rejects with the server's error (e.g. room full). */
  async join(room: string, capacity?: number): Promise<void> {
    this.#unsubscribe.push(
      this.signaling.on('peer-joined', (peer) => this.#call(peer)),
      this.signaling.on('peer-left', ({ peerId }) => this.#hangUp(peerId)),
      // After a signaling reconnect the calls themselves are still up: keep them, add newcomers.
      this.signaling.on('joined', ({ peers }) => peers.forEach((peer) => this.#call(peer))),
      this.signaling.on('error', (error) => this.emit('error', error)),
    );
    const joined = await this.signaling.join(room, capacity ? { capacity } : {});
    joined.peers.forEach((peer) => this.#call(peer));
  }

  /** Hangs up every call and leaves the room. Local tracks stay yours to stop. */
  leave(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    for (const peerId of [...this.sessions.keys()]) this.#hangUp(peerId);
    this.signaling.leave();
  }

  #call({ peerId, polite }: PeerInfo): void {
    if (this.sessions.has(peerId)) return;
    const { localStream, ...rtc } = this.options;
    const session = new PeerSession({
      polite,
      signaling: channelToPeer(this.signaling, peerId),
      ...rtc,
    });
    session.on('connection-state', (state) => this.emit('peer-state', { peerId, state }));
    session.on('error', (error) => this.emit('error', error));
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
