/**
 * A tiny typed event emitter: `on('peer-joined', info => …)` knows `info`'s type.
 * Browser and Node alike; `on` returns the function that removes the listener.
 */
export class TypedEmitter<Events extends object> {
  readonly #listeners = new Map<keyof Events, Set<(value: never) => void>>();

  /** Calls `listener` on every `type` event; returns a function that stops it. */
  on<K extends keyof Events>(type: K, listener: (value: Events[K]) => void): () => void {
    let set = this.#listeners.get(type);
    if (!set) this.#listeners.set(type, (set = new Set()));
    set.add(listener as (value: never) => void);
    return () => this.off(type, listener);
  }

  /** Calls `listener` on the next `type` event only. */
  once<K extends keyof Events>(type: K, listener: (value: Events[K]) => void): () => void {
    const off = this.on(type, (value) => {
      off();
      listener(value);
    });
    return off;
  }

  off<K extends keyof Events>(type: K, listener: (value: Events[K]) => void): void {
    this.#listeners.get(type)?.delete(listener as (value: never) => void);
  }

  protected emit<K extends keyof Events>(type: K, value: Events[K]): void {
    for (const listener of [...(this.#listeners.get(type) ?? [])]) {
      (listener as (value: Events[K]) => void)(value);
    }
  }

  protected removeAllListeners(): void {
    this.#listeners.clear();
  }
}
