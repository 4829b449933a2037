import type { ChatMessage } from './chat-frames.ts';
import { compareMessages } from './lamport-clock.ts';

/** How far one of my messages got to one other member. Only the last two are stored. */
export type ReceiptState = 'queued' | 'sent' | 'delivered' | 'read';
const RANK: Record<ReceiptState, number> = { queued: 0, sent: 1, delivered: 2, read: 3 };

export interface ChatEntry {
  message: ChatMessage;
  /** Written in this tab (its author key is ours). */
  mine: boolean;
  /** The hub peer id of the link it arrived on, in this page's life. */
  from?: string;
  /** For my messages: each other member's author key → how far the message got to them. */
  receipts: Map<string, ReceiptState>;
}

/**
 * The room's messages in every peer's order, each once: a message met again (from the outbox,
 * a backlog, or another peer's backlog) is recognised by its id and kept only the first time.
 */
export class MessageLog {
  readonly #entries: ChatEntry[] = [];
  readonly #byId = new Map<string, ChatEntry>();
  /** Per author, the newest clock held: the summary a hello carries. */
  readonly #newest = new Map<string, number>();

  get entries(): readonly ChatEntry[] {
    return this.#entries;
  }

  get size(): number {
    return this.#entries.length;
  }

  get(id: string): ChatEntry | undefined {
    return this.#byId.get(id);
  }

  /** Adds stored messages (`mine` if by `author`); returns the newest clock among them. */
  load(
    stored: readonly { message: ChatMessage; receipts: [string, ReceiptState][] }[],
    author: string,
  ): number {
    let newest = 0;
    for (const { message, receipts } of stored) {
      this.insert({ message, mine: message.author === author, receipts: new Map(receipts) });
      newest = Math.max(newest, message.clock);
    }
    return newest;
  }

  /** Adds an entry in order; returns its index, or -1 if its id is already here. */
  insert(entry: ChatEntry): number {
    const { message } = entry;
    if (this.#byId.has(message.id)) return -1;
    this.#byId.set(message.id, entry);
    this.#newest.set(
      message.author,
      Math.max(this.#newest.get(message.author) ?? 0, message.clock),
    );
    // Binary search from the end: new messages almost always go last.
    let low = 0;
    let high = this.#entries.length;
    const last = this.#entries[high - 1];
    if (last && compareMessages(last.message, message) < 0) low = high;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compareMessages(this.#entries[middle]!.message, message) < 0) low = middle + 1;
      else high = middle;
    }
    this.#entries.splice(low, 0, entry);
    return low;
  }

  /** Raises a receipt (never lowers it: a late `sent` does not undo `read`); true if it changed. */
  setReceipt(id: string, member: string, state: ReceiptState): boolean {
    const entry = this.#byId.get(id);
    if (!entry?.mine || member === entry.message.author) return false;
    const before = entry.receipts.get(member);
    if (before && RANK[before] >= RANK[state]) return false;
    entry.receipts.set(member, state);
    return true;
  }

  /** [author, newest clock held] for each author, as a hello sends it. */
  summary(): [string, number][] {
    return [...this.#newest];
  }

  /** The messages a peer lacks, oldest first, judged by the summary from its hello. */
  missingFrom(have: readonly [string, number][]): ChatMessage[] {
    const known = new Map(have);
    return this.#entries
      .filter(({ message }) => message.clock > (known.get(message.author) ?? 0))
      .map(({ message }) => message);
  }

  clear(): void {
    this.#entries.splice(0);
    this.#byId.clear();
    this.#newest.clear();
  }
}
