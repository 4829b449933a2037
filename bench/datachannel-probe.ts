/**
 * What runs inside the two pages of the data channel bench: one page echoes, the other sends
 * and times. Both are video room pages in one call (`window.peerlab.call`, the page handle);
 * each function is sent to the page whole, so it imports nothing.
 */

/** The three ways a message goes from one page to the other. */
export type Path = 'reliable' | 'unreliable' | 'relay';

export interface RoundTrips {
  /** Round-trip times of the messages that came back, in ms. */
  samples: number[];
  /** Messages that never came back within the timeout (an unreliable channel drops some). */
  lost: number;
}

interface ProbeWindow {
  peerlab: {
    call: {
      sessions: Map<string, BenchSession>;
      localStream?: MediaStream;
      signaling: {
        send(to: string, payload: { kind: 'message'; body: unknown }): void;
        on(event: 'signal', listener: (signal: { from: string; payload: Payload }) => void): void;
      };
    };
  };
  benchPaths?: Record<Path, (text: string) => void>;
  benchHeard?: (listener: (path: Path, text: string) => void) => void;
}
interface BenchSession {
  createChannel(
    label: string,
    options: { negotiatedId: number; preset?: 'unreliable' },
  ): { channel: RTCDataChannel };
}
type Payload = { kind: string; body?: unknown };

/**
 * Opens the bench's two channels (negotiated ids 10 and 11: the call renegotiates once) and
 * stops the camera, so video takes no CPU from what is measured. Resolves when both are open.
 * The same in both pages; then `benchPaths[path](text)` sends and `benchHeard` listens.
 */
export async function openBenchPaths(): Promise<void> {
  const page = window as unknown as ProbeWindow;
  const { call } = page.peerlab;
  const [[peerId, session]] = [...call.sessions] as [[string, BenchSession]];
  call.localStream?.getTracks().forEach((track) => track.stop());
  const reliable = session.createChannel('bench-reliable', { negotiatedId: 10 }).channel;
  const unreliable = session.createChannel('bench-unreliable', {
    negotiatedId: 11,
    preset: 'unreliable',
  }).channel;
  const listeners: ((path: Path, text: string) => void)[] = [];
  const hear = (path: Path, text: string) => listeners.forEach((listener) => listener(path, text));
  reliable.addEventListener('message', ({ data }) => hear('reliable', data as string));
  unreliable.addEventListener('message', ({ data }) => hear('unreliable', data as string));
  call.signaling.on('signal', ({ payload }) => {
    if (payload.kind === 'message') hear('relay', (payload.body as { text: string }).text);
  });
  page.benchPaths = {
    reliable: (text) => reliable.send(text),
    unreliable: (text) => unreliable.send(text),
    relay: (text) => call.signaling.send(peerId, { kind: 'message', body: { text } }),
  };
  page.benchHeard = (listener) => listeners.push(listener);
  await Promise.all(
    [reliable, unreliable].map(
      (channel) =>
        channel.readyState === 'open' ||
        new Promise((resolve) => channel.addEventListener('open', resolve, { once: true })),
    ),
  );
}

/** The echoing page: whatever comes on a path goes back on the same path. */
export function echoBenchPaths(): void {
  const page = window as unknown as ProbeWindow;
  page.benchHeard!((path, text) => page.benchPaths![path](text));
}

/** Sends `count` small messages one at a time, each once the last came back or timed out. */
export async function timeRoundTrips(args: {
  path: Path;
  count: number;
  timeoutMs: number;
}): Promise<RoundTrips> {
  const { path, count, timeoutMs } = args;
  const page = window as unknown as ProbeWindow;
  let waiting: ((seq: number) => void) | undefined;
  page.benchHeard!((heardOn, text) => {
    if (heardOn === path) waiting?.((JSON.parse(text) as { seq: number }).seq);
  });
  const samples: number[] = [];
  let lost = 0;
  for (let seq = 0; seq < count; seq++) {
    const sent = performance.now();
    const back = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      waiting = (heard) => heard === seq && (clearTimeout(timer), resolve(true));
      page.benchPaths![path](JSON.stringify({ seq, text: 'a small chat message' }));
    });
    if (back) samples.push(performance.now() - sent);
    else lost++;
  }
  waiting = undefined;
  return { samples, lost };
}

/** Sends `count` small messages at once and resolves with ms until the last echo is back. */
export async function timeBurst(args: { path: Path; count: number }): Promise<number> {
  const { path, count } = args;
  const page = window as unknown as ProbeWindow;
  let heard = 0;
  const start = performance.now();
  const done = new Promise<void>((resolve) => {
    page.benchHeard!((heardOn) => {
      if (heardOn === path && ++heard === count) resolve();
    });
  });
  for (let seq = 0; seq < count; seq++) {
    page.benchPaths![path](JSON.stringify({ seq, text: 'a small chat message' }));
  }
  await done;
  return performance.now() - start;
}
