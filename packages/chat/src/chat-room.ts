import { TypedEmitter } from '@peerlab/events';
import { backlogBatches } from './backlog-batches.ts';
import {
  IN_WORDS,
  messageSchema,
  type ChatFrame,
  type ChatImage,
  type ChatMessage,
} from './chat-frames.ts';
import { toStored, type HistoryStore } from './history-store.ts';
import type { ChatRoomEvents, ChatRoomOptions } from './chat-room-options.ts';
import { LamportClock } from './lamport-clock.ts';
import { MessageLog, type ChatEntry } from './message-log.ts';
import { Outbox } from './outbox.ts';
import { PeerLink } from './peer-link.ts';
import { randomId } from './random-id.ts';
import { ReceiptBatcher } from './receipt-batcher.ts';

/** A peer who stops typing without saying so (it left, say) stops showing after this. */
const TYPING_TIMEOUT_MS = 6_000;

/**
 * The chat of a room, peer to peer. Each message gets a random id and a Lamport time; each
 * peer holds the room's messages in the same order, once each. My messages wait in each
 * member's `Outbox` until it acknowledges them. A newcomer's hello says what it holds; each
 * peer sends it the rest (the backlog), so history comes from the peers, never the hub.
 */
export class ChatRoom extends TypedEmitter<ChatRoomEvents> {
  readonly log = new MessageLog();
  readonly clock: LamportClock;
  /** One per peer of the call, by hub peer id. */
  readonly links = new Map<string, PeerLink>();
  /** How to send: every message delivered in order, or once, maybe lost (the second channel). */
  mode: 'reliable' | 'unreliable' = 'reliable';
  readonly #author: string;
  readonly #nick: string;
  readonly #store: HistoryStore | undefined;
  readonly #outbox = new Outbox();
  /** Per author: their messages shown here, to tell them again after a reconnect. */
  readonly #read = new Map<string, Set<string>>();
  readonly #typing = new Map<string, number>();
  /** Each member's name, as its last hello said it. */
  readonly #nicks = new Map<string, string>();
  readonly #receipts = new ReceiptBatcher((peerId, state, ids) =>
    this.links.get(peerId)?.send({ type: 'receipt', state, ids }),
  );
  #simulatedLoss = 0;
  #typingSentAt = 0;

  constructor(readonly options: ChatRoomOptions) {
    super();
    this.#author = options.author;
    this.#nick = options.nick;
    this.#store = options.store;
    const newest = this.log.load(options.history ?? [], this.#author);
    this.clock = new LamportClock(newest);
    options.call.on('peer-added', ({ peerId, session }) => this.#addLink(peerId, session));
    options.call.on('peer-removed', ({ peerId }) => {
      this.links.delete(peerId);
      this.emit('members', undefined);
    });
  }

  get author(): string {
    return this.#author;
  }

  get nick(): string {
    return this.#nick;
  }

  /** True once at least one peer can hear you. */
  get ready(): boolean {
    return [...this.links.values()].some((link) => link.isOpen);
  }

  /** The share of unreliable messages dropped on purpose before sending (0 to 1). */
  get simulatedLoss(): number {
    return this.#simulatedLoss;
  }

  set simulatedLoss(share: number) {
    this.#simulatedLoss = Math.min(1, Math.max(0, share));
    for (const link of this.links.values()) link.simulatedLoss = this.#simulatedLoss;
  }

  /** The nicknames of the peers typing now. */
  get typing(): string[] {
    const now = Date.now();
    return [...this.links.values()].flatMap((link) =>
      link.hello && (this.#typing.get(link.hello.author) ?? 0) > now ? [link.hello.nick] : [],
    );
  }

  /** What to call an author: the name of its last hello, else of its newest message here. */
  nickOf(author: string): string | undefined {
    return (
      this.#nicks.get(author) ??
      this.log.entries.findLast((entry) => entry.message.author === author)?.message.nick
    );
  }

  /** The hub peer id of the open link to `author`, if there is one. */
  peerIdOf(author: string): string | undefined {
    return this.#linkOf(author)?.peerId;
  }

  /** How many of my messages wait for `author` (they are reconnecting, or not back yet). */
  queuedFor(author: string): number {
    return this.#outbox.count(author);
  }

  // #region send
  /** Writes a message to everyone. Throws a RangeError if it breaks `CHAT_LIMITS`. */
  send(text: string, image?: ChatImage): ChatEntry {
    const parsed = messageSchema.safeParse(
      {
        type: 'msg',
        id: randomId(),
        author: this.#author,
        nick: this.#nick,
        clock: this.clock.tick(),
        at: Date.now(),
        text,
        ...(image && { image }),
      },
      IN_WORDS,
    );
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RangeError(`${issue?.path.join('.') || 'message'}: ${issue?.message}`);
    }
    const message = parsed.data;
    const entry: ChatEntry = { message, mine: true, receipts: new Map() };
    this.#keep(entry);
    const unreliable = this.mode === 'unreliable' && !image;
    for (const link of this.links.values()) {
      if (!link.hello) {
        // No hello yet: a peer about to send one, or a plain peer, which reads `text` alone.
        if (link.isOpen) link.send(message);
        continue;
      }
      const member = link.hello.author;
      if (unreliable && link.sendUnreliable(message)) {
        this.log.setReceipt(message.id, member, 'sent');
        continue;
      }
      this.#owe(member, message);
      if (link.isOpen) {
        link.send(message);
        this.log.setReceipt(message.id, member, 'sent');
      }
    }
    // Members known from earlier links, away now: their outbox keeps it until they are back.
    if (!unreliable) {
      for (const member of this.#outbox.members()) {
        if (!entry.receipts.has(member)) this.#owe(member, message);
      }
    }
    this.#typingSentAt = 0;
    this.#broadcast({ type: 'typing', typing: false });
    return entry;
  }
  // #endregion send

  /** Says you are typing (at most every 2 s) or stopped. */
  setTyping(typing: boolean): void {
    const now = Date.now();
    if (typing && now - this.#typingSentAt < 2_000) return;
    if (!typing && this.#typingSentAt === 0) return;
    this.#typingSentAt = typing ? now : 0;
    this.#broadcast({ type: 'typing', typing });
  }

  /** Tells the authors of these messages that you have seen them (once each). */
  markRead(ids: Iterable<string>): void {
    for (const id of ids) {
      const entry = this.log.get(id);
      if (!entry || entry.mine) continue;
      const { author } = entry.message;
      let read = this.#read.get(author);
      if (!read) this.#read.set(author, (read = new Set()));
      if (read.has(id)) continue;
      read.add(id);
      const link = this.#linkOf(author);
      if (link) this.#receipts.add(link.peerId, 'read', id);
    }
  }

  /** Forgets the room's history on this device; the peers keep theirs. */
  async clearHistory(): Promise<void> {
    this.log.clear();
    this.#read.clear();
    await this.#store?.clear();
    this.emit('cleared', undefined);
  }

  #addLink(peerId: string, session: ConstructorParameters<typeof PeerLink>[1]): void {
    const link = new PeerLink(peerId, session, { unreliable: this.options.unreliable });
    link.simulatedLoss = this.#simulatedLoss;
    this.links.set(peerId, link);
    // The later joiner speaks first; a peer that never does is a plain one (see chat-frames.ts).
    link.on('open', () => {
      if (session.polite) this.#sayHello(link);
      this.emit('members', undefined);
    });
    link.on('close', () => this.emit('members', undefined));
    link.on('frame', (frame) => this.#onFrame(link, frame));
    link.on('plain', ({ text }) => {
      if (link.hello) return this.#reject(link, 'a plain line after a hello');
      // Written by a peer with no author key or clock: it gets ours, in arrival order.
      this.#accept(link, {
        type: 'msg',
        id: randomId(),
        author: peerId,
        nick: `Peer ${peerId.slice(0, 4)}`,
        clock: this.clock.tick(),
        at: Date.now(),
        text,
      });
    });
    link.on('rejected', (reason) => this.emit('rejected', { peerId, reason }));
  }

  #onFrame(link: PeerLink, frame: ChatFrame): void {
    if (frame.type === 'hello') return this.#onHello(link, frame);
    const member = link.hello?.author;
    // Before the hello only a message may come: written while our hello was on its way.
    if (!member && frame.type === 'msg') return this.#accept(link, frame);
    if (!member) return this.#reject(link, `a "${frame.type}" frame before its hello`);
    switch (frame.type) {
      case 'msg':
      case 'unreliable': {
        const message = frame.type === 'msg' ? frame : frame.message;
        // Sent directly, a message is the sender's own; only a backlog relays others'.
        if (message.author !== member) return this.#reject(link, 'a message in another name');
        return this.#accept(link, message);
      }
      case 'backlog':
        for (const message of frame.messages) this.#accept(link, message);
        return;
      case 'receipt':
        for (const id of frame.ids) {
          this.#outbox.settle(member, id);
          if (this.log.setReceipt(id, member, frame.state)) this.#changed(this.log.get(id)!);
        }
        return;
      case 'typing':
        this.#typing.set(member, frame.typing ? Date.now() + TYPING_TIMEOUT_MS : 0);
        if (frame.typing) setTimeout(() => this.emit('members', undefined), TYPING_TIMEOUT_MS);
        this.emit('members', undefined);
        return;
    }
  }

  #onHello(link: PeerLink, hello: Extract<ChatFrame, { type: 'hello' }>): void {
    if (link.hello) return this.#reject(link, 'a second hello');
    if (hello.author === this.#author) return this.#reject(link, 'a hello in this tab’s name');
    link.hello = { author: hello.author, nick: hello.nick };
    this.#nicks.set(hello.author, hello.nick);
    if (!link.helloSent) this.#sayHello(link);
    // What it lacks by its summary, and what it still owes me a receipt for, each once.
    this.#outbox.meet(hello.author);
    const missing = new Map(this.log.missingFrom(hello.have).map((m) => [m.id, m]));
    for (const message of this.#outbox.owedTo(hello.author)) missing.set(message.id, message);
    const backlog = [...missing.values()].sort((a, b) => a.clock - b.clock);
    for (const messages of backlogBatches(backlog)) link.send({ type: 'backlog', messages });
    for (const message of backlog) {
      if (
        message.author === this.#author &&
        this.log.setReceipt(message.id, hello.author, 'sent')
      ) {
        this.#changed(this.log.get(message.id)!);
      }
    }
    for (const id of this.#read.get(hello.author) ?? [])
      this.#receipts.add(link.peerId, 'read', id);
    this.emit('members', undefined);
  }

  #sayHello(link: PeerLink): void {
    link.helloSent = true;
    const have = this.log
      .summary()
      .sort((a, b) => b[1] - a[1])
      .slice(0, 256);
    link.send({ type: 'hello', v: 1, author: this.#author, nick: this.#nick, have });
  }

  /** Keeps a message from a peer unless it is here already; acknowledges it either way. */
  #accept(link: PeerLink, message: ChatMessage): void {
    if (!this.log.get(message.id)) {
      if (!this.clock.observe(message.clock)) return this.#reject(link, 'a clock too far ahead');
      const mine = message.author === this.#author;
      this.#keep({ message, mine, from: link.peerId, receipts: new Map() });
    }
    // Acknowledged again if met again: the sender resends until it hears this.
    if (link.hello && message.author !== this.#author) {
      const author = this.#linkOf(message.author);
      if (author) this.#receipts.add(author.peerId, 'delivered', message.id);
    }
  }

  #keep(entry: ChatEntry): void {
    const index = this.log.insert(entry);
    if (index < 0) return;
    this.#save(entry);
    this.emit('message', { entry, index });
  }

  #changed(entry: ChatEntry): void {
    this.#save(entry);
    this.emit('receipt', entry);
  }

  #save(entry: ChatEntry): void {
    this.#store?.save(toStored(entry));
  }

  #owe(member: string, message: ChatMessage): void {
    this.#outbox.owe(member, message);
    this.log.setReceipt(message.id, member, 'queued');
  }

  #linkOf(author: string): PeerLink | undefined {
    return [...this.links.values()].find((link) => link.hello?.author === author && link.isOpen);
  }

  #broadcast(frame: ChatFrame): void {
    for (const link of this.links.values()) if (link.hello && link.isOpen) link.send(frame);
  }

  #reject(link: PeerLink, reason: string): void {
    link.counters.rejected += 1;
    this.emit('rejected', { peerId: link.peerId, reason });
  }
}
