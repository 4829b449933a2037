import { channelToPeer, PeerSession, type PeerChannel } from '@peerlab/peer';
import { TypedEmitter, type PeerInfo, type SignalingClient } from '@peerlab/signaling';

export interface ChatLine {
  from: string;
  text: string;
  mine: boolean;
}

export interface RoomCallEvents {
  'peer-added': { peerId: string; stream: MediaStream };
  'peer-removed': { peerId: string };
  'peer-state': { peerId: string; state: RTCPeerConnectionState };
  chat: ChatLine;
  error: Error;
}

interface Remote {
  session: PeerSession;
  chat: PeerChannel;
}

/** Both sides open the chat channel with this id, so neither has to announce it. */
const CHAT_CHANNEL_ID = 0;

/**
 * A mesh call: one PeerSession per other peer in the room. Everyone sends their camera to
 * everyone, and chat lines go over a data channel to each peer (never through the server).
 */
export class RoomCall extends TypedEmitter<RoomCallEvents> {
  readonly remotes = new Map<string, Remote>();
  readonly #unsubscribe: (() => void)[] = [];

  constructor(
    readonly signaling: SignalingClient,
    readonly localStream: MediaStream,
    readonly iceServers: RTCIceServer[],
  ) {
    super();
  }

  /** Joins the room and calls everyone in it. Rejects with the server's error (e.g. room full). */
  async join(room: string): Promise<void> {
    this.#unsubscribe.push(
      this.signaling.on('peer-joined', (peer) => this.#call(peer)),
      this.signaling.on('peer-left', ({ peerId }) => this.#hangUp(peerId)),
      // After a signaling reconnect the calls themselves are still up: keep them, add newcomers.
      this.signaling.on('joined', ({ peers }) => peers.forEach((peer) => this.#call(peer))),
      this.signaling.on('error', (error) => this.emit('error', error)),
    );
    const joined = await this.signaling.join(room);
    joined.peers.forEach((peer) => this.#call(peer));
  }

  sendChat(text: string): void {
    for (const { chat } of this.remotes.values()) {
      if (chat.isOpen) chat.sendJson({ text });
    }
    this.emit('chat', { from: this.signaling.peerId ?? 'me', text, mine: true });
  }

  leave(): void {
    for (const unsubscribe of this.#unsubscribe.splice(0)) unsubscribe();
    for (const peerId of [...this.remotes.keys()]) this.#hangUp(peerId);
    this.signaling.leave();
  }

  #call({ peerId, polite }: PeerInfo): void {
    if (this.remotes.has(peerId)) return;
    const session = new PeerSession({
      polite,
      signaling: channelToPeer(this.signaling, peerId),
      iceServers: this.iceServers,
    });
    const chat = session.createChannel('chat', { negotiatedId: CHAT_CHANNEL_ID });
    chat.on('json', (message) => {
      const text = (message as { text?: unknown }).text;
      if (typeof text === 'string') this.emit('chat', { from: peerId, text, mine: false });
    });
    session.on('connection-state', (state) => this.emit('peer-state', { peerId, state }));
    session.on('error', (error) => this.emit('error', error));
    this.remotes.set(peerId, { session, chat });
    session.addStream(this.localStream);
    this.emit('peer-added', { peerId, stream: session.remoteStream });
  }

  #hangUp(peerId: string): void {
    const remote = this.remotes.get(peerId);
    if (!remote) return;
    remote.session.close();
    this.remotes.delete(peerId);
    this.emit('peer-removed', { peerId });
  }
}
