import { CHAT_LIMITS } from './chat-frames.ts';

type Send = (peerId: string, state: 'delivered' | 'read', ids: string[]) => void;

/**
 * Gathers receipts for a turn and sends them per peer in batches: a backlog of 10,000 messages
 * is answered with ten receipt frames, not 10,000.
 */
export class ReceiptBatcher {
  readonly #pending = new Map<string, { delivered: Set<string>; read: Set<string> }>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly send: Send) {}

  add(peerId: string, state: 'delivered' | 'read', id: string): void {
    let sets = this.#pending.get(peerId);
    if (!sets) this.#pending.set(peerId, (sets = { delivered: new Set(), read: new Set() }));
    sets[state].add(id);
    this.#timer ??= setTimeout(() => this.flush());
  }

  flush(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    for (const [peerId, sets] of this.#pending) {
      for (const state of ['delivered', 'read'] as const) {
        const ids = [...sets[state]];
        for (let start = 0; start < ids.length; start += CHAT_LIMITS.batch) {
          this.send(peerId, state, ids.slice(start, start + CHAT_LIMITS.batch));
        }
      }
    }
    this.#pending.clear();
  }
}
