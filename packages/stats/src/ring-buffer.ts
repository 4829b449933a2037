/**
 * A fixed-size history: once full, each new value pushes the oldest one out. The graphs keep
 * the last minute or so of samples this way, however long the call lasts.
 */
export class RingBuffer<T> {
  readonly #items: T[] = [];
  #start = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) {
      throw new RangeError(`A ring buffer needs a capacity of 1 or more, not ${capacity}.`);
    }
  }

  /** How many values it holds (at most `capacity`). */
  get length(): number {
    return this.#items.length;
  }

  /** Adds `value` as the newest, dropping the oldest if the buffer is full. */
  push(value: T): void {
    if (this.#items.length < this.capacity) {
      this.#items.push(value);
    } else {
      this.#items[this.#start] = value;
      this.#start = (this.#start + 1) % this.capacity;
    }
  }

  /** The values, oldest first, as a new array. */
  toArray(): T[] {
    return [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }

  /** The newest value, or `undefined` when empty. */
  get newest(): T | undefined {
    if (this.#items.length === 0) return undefined;
    return this.#items[(this.#start + this.#items.length - 1) % this.#items.length];
  }

  /** Forgets every value. */
  clear(): void {
    this.#items.length = 0;
    this.#start = 0;
  }
}
