/**
 * The page's end of the benchmark's signaling relay: the benchmark (Node) carries each message to
 * the other page. Only the connection set-up goes through it, and it is not what is measured.
 */
type Listener = (data: unknown) => void;

interface RelayWindow {
  /** Exposed by the benchmark (Playwright `exposeBinding`): hands a message to the other page. */
  benchSignal(run: string, data: unknown): Promise<void>;
  /** Called by the benchmark with the other page's messages. */
  benchOnSignal(run: string, data: unknown): void;
}

const relay = window as unknown as RelayWindow;
const waiting = new Map<string, unknown[]>();
const listeners = new Map<string, Listener>();

relay.benchOnSignal = (run, data) => {
  const listener = listeners.get(run);
  if (listener) listener(data);
  else waiting.set(run, [...(waiting.get(run) ?? []), data]);
};

export function signal(run: string, data: unknown): void {
  void relay.benchSignal(run, JSON.parse(JSON.stringify(data)));
}

/** Hears the other page's messages of `run`, those that came before this call first. */
export function onSignal(run: string, listener: Listener): void {
  listeners.set(run, listener);
  for (const data of waiting.get(run) ?? []) listener(data);
  waiting.delete(run);
}

/** The first message of `run` that passes `test`. */
export function nextSignal(run: string, test: (data: unknown) => boolean): Promise<unknown> {
  return new Promise((resolve) => onSignal(run, (data) => test(data) && resolve(data)));
}
