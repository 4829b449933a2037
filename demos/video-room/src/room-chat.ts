import { CHAT_CHANNELS, ChatRoom, randomId } from '@peerlab/chat';
import { TypedEmitter } from '@peerlab/events';
import type { RoomCall } from '@peerlab/peer';

export interface ChatLine {
  from: string;
  text: string;
  mine: boolean;
}

/**
 * The room's text chat: `@peerlab/chat` (the data-channel chat demo's message layer) on the
 * room's calls, never the server. It brings ids, receipts, framing of long lines and a backlog
 * for whoever joins later; this page keeps no history of its own, and shows lines as they come.
 */
export class RoomChat extends TypedEmitter<{ line: ChatLine; 'ready-change': boolean }> {
  /** The chat's channel (`chat`, negotiated id 0, reliable): give it to `RoomCall`'s `channels`. */
  static readonly channel = CHAT_CHANNELS.reliable;
  readonly chat: ChatRoom;

  constructor(call: RoomCall) {
    super();
    // A call is not kept, so neither is its chat: a fresh author key for each join.
    this.chat = new ChatRoom({ call, author: randomId(), nick: 'Video room' });
    this.chat.on('message', ({ entry }) => {
      const { message, mine, from } = entry;
      // A line from a backlog came through another peer: name its author's call if it is here.
      const author = this.chat.peerIdOf(message.author) ?? from ?? message.author;
      this.emit('line', { from: mine ? 'me' : author, text: message.text, mine });
    });
    this.chat.on('members', () => this.emit('ready-change', this.ready));
  }

  /** True once at least one peer can hear you. */
  get ready(): boolean {
    return this.chat.ready;
  }

  send(text: string): void {
    this.chat.send(text);
  }
}
