// #region clock
/**
 * A Lamport clock: one counter per peer. Writing a message ticks it; reading one moves it past
 * the message's time. So a reply always carries a larger time than what it answers, and sorting
 * by (time, author, id) gives every peer the same order, one that never puts an answer before
 * its question.
 *
 * Why not a hybrid logical clock (wall time plus a counter)? Its times read as dates, which a
 * chat does not need: the sender's wall time travels beside the message for display. And it
 * trusts every peer's wall clock: one laptop an hour fast would drag everyone's clock an hour
 * ahead. A Lamport clock needs no clock at all, only a cap on how far one message may push it
 * (`MAX_CLOCK_LEAD`), so that a hostile peer cannot run it to the end of the numbers.
 */
export const MAX_CLOCK_LEAD = 1_000_000;

export class LamportClock {
  #time: number;

  constructor(start = 0) {
    this.#time = start;
  }

  get time(): number {
    return this.#time;
  }

  /** The time of something new written here. */
  tick(): number {
    this.#time += 1;
    return this.#time;
  }

  /** Moves past a time seen on a message from elsewhere; false if it is too far ahead. */
  observe(time: number): boolean {
    if (time > this.#time + MAX_CLOCK_LEAD) return false;
    this.#time = Math.max(this.#time, time);
    return true;
  }
}
// #endregion clock

/** Every peer's order: Lamport time, then author key, then id (equal only for one message). */
export function compareMessages(
  a: { clock: number; author: string; id: string },
  b: { clock: number; author: string; id: string },
): number {
  if (a.clock !== b.clock) return a.clock - b.clock;
  if (a.author !== b.author) return a.author < b.author ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
