import { TypedEmitter } from '@peerlab/events';
import { RoomCall, type PeerSession } from '@peerlab/peer';
import { SignalingClient } from '@peerlab/signaling';
import { TransferReceiver, TransferSender, type ResumeState } from '@peerlab/transfer';

// #region channels
/**
 * Two negotiated channels per call, one per direction: a TransferSender and a TransferReceiver
 * each need a channel of their own. The peer already in the room (the impolite side) sends on
 * the first, the newcomer on the second.
 */
const CHANNELS = [
  { label: 'files-from-earlier', negotiatedId: 1 },
  { label: 'files-from-later', negotiatedId: 2 },
] as const;
// #endregion channels

/** One other peer of the room: its call, and a sender and a receiver of files with it. */
export interface PeerLink {
  peerId: string;
  session: PeerSession;
  sender: TransferSender;
  receiver: TransferReceiver;
}

export interface FileRoomEvents {
  /** A peer's channels are open: offer it files, listen to what it offers. */
  link: PeerLink;
  /** The peer left or its call ended. */
  unlink: PeerLink;
}

/**
 * A room where every peer can send files to every other: a `RoomCall` (a mesh) whose calls
 * each carry two transfer channels. `resume` is read as each receiver is made, so a receiver
 * made after a reload asks only for what was not verified before it.
 */
export class FileRoom extends TypedEmitter<FileRoomEvents> {
  readonly call: RoomCall;
  readonly links = new Map<string, PeerLink>();

  constructor(
    relayOnly: boolean,
    private readonly resume: () => ResumeState,
  ) {
    super();
    this.call = new RoomCall({
      signaling: new SignalingClient(),
      // Every path through TURN: how a call between two strict networks goes, on one machine.
      ...(relayOnly && { iceTransportPolicy: 'relay' as const }),
      channels: [...CHANNELS],
    });
    this.call.on('peer-added', ({ peerId, session }) => this.#added(peerId, session));
    this.call.on('peer-removed', ({ peerId }) => this.#removed(peerId));
  }

  join(room: string): Promise<unknown> {
    return this.call.join(room, 8);
  }

  leave(): void {
    for (const peerId of [...this.links.keys()]) this.#removed(peerId);
    this.call.leave();
  }

  #added(peerId: string, session: PeerSession): void {
    const [earlier, later] = CHANNELS.map(({ label, negotiatedId }) =>
      session.createChannel(label, { negotiatedId }),
    );
    const [outgoing, incoming] = session.polite ? [later!, earlier!] : [earlier!, later!];
    const ready = () => {
      if (!outgoing.isOpen || !incoming.isOpen || this.links.has(peerId)) return;
      if (!this.call.sessions.has(peerId)) return; // gone meanwhile
      const link: PeerLink = {
        peerId,
        session,
        sender: new TransferSender(outgoing.channel, { peerConnection: session.pc }),
        receiver: new TransferReceiver(incoming.channel, { resume: this.resume() }),
      };
      this.links.set(peerId, link);
      this.emit('link', link);
    };
    outgoing.on('open', ready);
    incoming.on('open', ready);
    ready();
  }

  #removed(peerId: string): void {
    const link = this.links.get(peerId);
    if (!link) return;
    this.links.delete(peerId);
    // Closing the call ourselves fires no `close` on its channels: tell both ends.
    link.sender.close();
    link.receiver.close();
    this.emit('unlink', link);
  }
}
