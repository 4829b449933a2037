import type { ChatMessage } from './chat-frames.ts';

/** Per member, a cap on what waits: past it the oldest go, and the member's hello recovers them. */
const MAX_OWED = 5_000;

/**
 * My messages that each member (by author key) has not acknowledged yet. A message stays until
 * that member's `delivered` receipt, and goes again each time its link opens: so a drop,
 * a reload or a new call loses nothing, and the receiver's id check keeps it from showing twice.
 */
export class Outbox {
  readonly #owed = new Map<string, Map<string, ChatMessage>>();

  /** Every member this tab has met (greeted) since it opened the room. */
  members(): IterableIterator<string> {
    return this.#owed.keys();
  }

  /** Starts an outbox for a member met for the first time (a no-op for one met before). */
  meet(member: string): void {
    if (!this.#owed.has(member)) this.#owed.set(member, new Map());
  }

  owe(member: string, message: ChatMessage): void {
    this.meet(member);
    const owed = this.#owed.get(member)!;
    owed.set(message.id, message);
    if (owed.size > MAX_OWED) owed.delete(owed.keys().next().value!);
  }

  settle(member: string, id: string): void {
    this.#owed.get(member)?.delete(id);
  }

  /** What the member is still owed, oldest first. */
  owedTo(member: string): ChatMessage[] {
    return [...(this.#owed.get(member)?.values() ?? [])];
  }

  count(member: string): number {
    return this.#owed.get(member)?.size ?? 0;
  }
}
