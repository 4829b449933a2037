import { signalingError, type SignalingErrorPayload } from '../errors.ts';
import type { IceConfig, IceReply, JoinedResult, JoinReply } from '../protocol.ts';
import { describeThrown, describeValue, eventLabel } from './describe-value.ts';
import { MAX_NESTING, measurePayload } from './payload-measure.ts';

/** What the gate needs of a socket: its id, and a way to answer it. */
export interface GateSocket {
  readonly id: string;
  emit(event: 'error', error: SignalingErrorPayload): unknown;
  emit(event: 'joined', result: JoinedResult): unknown;
}

export type Fail = (error: SignalingErrorPayload) => void;

/** Where an event goes once it passed the gate; each handler checks its own schema. */
export interface EventHandlers<S> {
  join(socket: S, request: unknown, reply: (result: JoinedResult) => void, fail: Fail): unknown;
  leave(socket: S): unknown;
  relay(socket: S, request: unknown, fail: Fail): unknown;
  ice(socket: S, reply: (ice: IceConfig) => void, fail: Fail): unknown;
  report(socket: S, request: unknown, fail: Fail): unknown;
}

export interface EventGateOptions<S> {
  handlers: EventHandlers<S>;
  /** Takes one point for the socket's id, and rejects once that socket has none left. */
  limiter: { consume(key: string): Promise<unknown> };
  maxPayloadBytes: number;
  log: (line: string) => void;
  /** Told of every refusal, for metrics. */
  onRefused?: (error: SignalingErrorPayload) => void;
}

/** Handles one event a socket sent; resolves once it is answered, and never rejects. */
export type EventGate<S> = (socket: S, event: unknown, args: unknown[]) => Promise<void>;

const KNOWN_EVENTS = new Set<unknown>(['join', 'leave', 'relay', 'ice', 'report']);

/** The events answered through their acknowledgement (when they come with one). */
const ACKED_EVENTS = new Set<unknown>(['join', 'ice']);

/**
 * The gate every event passes: rate limit, known name, depth and size caps, then its handler.
 * It takes the event name and arguments as plain values, so a test can hand it anything at
 * all, even values no socket.io message can carry (a throwing toString, a BigInt, a cycle).
 */
export function createEventGate<S extends GateSocket>(options: EventGateOptions<S>): EventGate<S> {
  const { handlers, limiter, maxPayloadBytes, log, onRefused } = options;

  // #region gate
  return async (socket, event, args) => {
    const ack =
      typeof args.at(-1) === 'function'
        ? (args.pop() as (reply: JoinReply | IceReply) => void)
        : undefined;
    const fail: Fail = (error) => {
      onRefused?.(error);
      if (ACKED_EVENTS.has(event) && ack) ack({ ok: false, error });
      else socket.emit('error', withEvent(error, event));
    };
    try {
      const allowed = await limiter.consume(socket.id).then(
        () => true,
        () => false,
      );
      if (!allowed) return fail(signalingError('rate-limited'));
      const refusal = checkEvent(event, args, maxPayloadBytes);
      if (refusal) return fail(refusal);
      if (event === 'join') {
        const reply = (result: JoinedResult) => (ack ? ack(result) : socket.emit('joined', result));
        await handlers.join(socket, args[0], reply, fail);
      } else if (event === 'leave') {
        await handlers.leave(socket);
      } else if (event === 'ice') {
        // Without an acknowledgement there is no one to hand the servers to.
        if (!ack)
          return fail(signalingError('invalid-message', 'Send "ice" with an acknowledgement.'));
        await handlers.ice(socket, (ice) => ack({ ok: true, ice }), fail);
      } else if (event === 'report') {
        await handlers.report(socket, args[0], fail);
      } else {
        await handlers.relay(socket, args[0], fail);
      }
    } catch (thrown) {
      // What one event throws stays with that event: a log line, a typed error, and the
      // server goes on. socket.io ignores what this listener returns, so nobody else would catch it.
      log(
        `Signaling: the ${describeValue(event)} event of socket ${socket.id} failed: ${describeThrown(thrown)}`,
      );
      try {
        fail(signalingError('internal-error'));
      } catch {
        // Answering threw too (a broken ack): there is no one left to tell.
      }
    }
  };
  // #endregion gate
}

/** The refusal for an unknown, too deep, unreadable or too large event; undefined if it may pass. */
function checkEvent(
  event: unknown,
  args: readonly unknown[],
  maxBytes: number,
): SignalingErrorPayload | undefined {
  if (!KNOWN_EVENTS.has(event)) {
    return signalingError(
      'unknown-event',
      `The server does not know the event ${describeValue(event)}.`,
    );
  }
  const name = event as string;
  const size = measurePayload(args, maxBytes);
  if (!size.ok) {
    switch (size.problem) {
      case 'too-deep':
        return signalingError(
          'invalid-message',
          `The "${name}" message is nested more than ${MAX_NESTING} levels deep.`,
        );
      case 'unserialisable':
        return signalingError('invalid-message', `The "${name}" message cannot be read as JSON.`);
      case 'too-large':
        return signalingError(
          'payload-too-large',
          `That "${name}" message is more than ${size.atLeast} bytes; the limit is ${maxBytes}.`,
        );
    }
  }
  if (size.bytes <= maxBytes) return undefined;
  return signalingError(
    'payload-too-large',
    `That "${name}" message is ${size.bytes} bytes; the limit is ${maxBytes}.`,
  );
}

function withEvent(error: SignalingErrorPayload, event: unknown): SignalingErrorPayload {
  const label = eventLabel(event);
  return label === undefined ? error : { ...error, event: label };
}
