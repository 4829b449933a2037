import type { ChannelSpec, PeerChannel, RoomCall } from '@peerlab/peer';
import { TypedEmitter } from '@peerlab/events';

/** One ASCII frame on the wire. `seq` lets the receiver drop frames that arrive late. */
export interface AsciiMessage {
  seq: number;
  columns: number;
  rows: number;
  text: string;
}

/**
 * Both sides open the channel with this id and label, so neither has to announce it.
 * Unreliable: a late frame is worth less than the next one. Declared in `RoomCall`'s
 * `channels`, it is part of each call's first offer.
 */
export const ASCII_CHANNEL = {
  label: 'ascii',
  negotiatedId: 1,
  preset: 'unreliable',
} as const satisfies ChannelSpec;

/**
 * Past this many bytes waiting to be sent, a new frame is skipped rather than queued: the
 * network is slower than the camera, and a queue would only make every frame later.
 */
const MAX_BUFFERED_BYTES = 64 * 1024;

/**
 * Sends every ASCII frame to everyone in the room, and emits the frames they send.
 *
 * The channel is unreliable (unordered, never retransmitted): each frame is whole on its own,
 * so a lost one is best forgotten — the next one replaces it 33 ms later, while waiting for a
 * retransmission would hold every frame behind it. Frames that arrive out of order are dropped.
 */
export class AsciiShare extends TypedEmitter<{ frame: AsciiMessage & { peerId: string } }> {
  readonly #channels = new Map<string, PeerChannel>();
  #seq = 0;

  constructor(call: RoomCall) {
    super();
    call.on('peer-added', ({ peerId, session }) => {
      const channel = session.createChannel(ASCII_CHANNEL.label, ASCII_CHANNEL);
      let lastSeq = -1;
      channel.on('json', (message) => {
        if (!isAsciiMessage(message) || message.seq <= lastSeq) return;
        lastSeq = message.seq;
        this.emit('frame', { ...message, peerId });
      });
      this.#channels.set(peerId, channel);
    });
    call.on('peer-removed', ({ peerId }) => this.#channels.delete(peerId));
  }

  /** Sends one frame to every peer whose channel is open and not backed up. */
  send(frame: Omit<AsciiMessage, 'seq'>): void {
    const message: AsciiMessage = { seq: this.#seq++, ...frame };
    for (const channel of this.#channels.values()) {
      if (channel.isOpen && channel.channel.bufferedAmount < MAX_BUFFERED_BYTES) {
        channel.sendJson(message);
      }
    }
  }
}

/** Whether a received message is a well-formed frame (a peer's page could send anything). */
export function isAsciiMessage(value: unknown): value is AsciiMessage {
  if (typeof value !== 'object' || value === null) return false;
  const { seq, columns, rows, text } = value as Record<string, unknown>;
  return (
    Number.isInteger(seq) &&
    Number.isInteger(columns) &&
    Number.isInteger(rows) &&
    typeof text === 'string' &&
    (columns as number) > 0 &&
    (rows as number) > 0 &&
    text.length === (rows as number) * ((columns as number) + 1) - 1
  );
}
