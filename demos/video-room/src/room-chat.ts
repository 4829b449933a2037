import type { ChannelSpec, PeerChannel, RoomCall } from '@peerlab/peer';
import { TypedEmitter } from '@peerlab/events';

export interface ChatLine {
  from: string;
  text: string;
  mine: boolean;
}

/** Both sides open the chat channel with this id, so neither has to announce it. */
const CHAT_CHANNEL_ID = 0;

/** A text chat with everyone in the room, over one data channel per peer (never the server). */
export class RoomChat extends TypedEmitter<{ line: ChatLine; 'ready-change': boolean }> {
  /** Declare it in `RoomCall`'s `channels`, and the chat is part of each call's first offer. */
  static readonly channel: ChannelSpec = { label: 'chat', negotiatedId: CHAT_CHANNEL_ID };
  readonly #channels = new Map<string, PeerChannel>();

  constructor(private readonly call: RoomCall) {
    super();
    call.on('peer-added', ({ peerId, session }) => {
      const channel = session.createChannel('chat', { negotiatedId: CHAT_CHANNEL_ID });
      channel.on('json', (message) => {
        const text = (message as { text?: unknown }).text;
        if (typeof text === 'string') this.emit('line', { from: peerId, text, mine: false });
      });
      channel.on('open', () => this.emit('ready-change', this.ready));
      channel.on('close', () => this.emit('ready-change', this.ready));
      this.#channels.set(peerId, channel);
    });
    call.on('peer-removed', ({ peerId }) => {
      this.#channels.delete(peerId);
      this.emit('ready-change', this.ready);
    });
  }

  /** True once at least one peer can hear you. */
  get ready(): boolean {
    return [...this.#channels.values()].some((channel) => channel.isOpen);
  }

  send(text: string): void {
    for (const channel of this.#channels.values()) {
      if (channel.isOpen) channel.sendJson({ text });
    }
    this.emit('line', { from: this.call.signaling.peerId ?? 'me', text, mine: true });
  }
}
