/**
 * The arithmetic behind the graphs. getStats counters only ever grow (`bytesReceived`,
 * `packetsSent`, `framesDecoded`…), so a rate is how much a counter grew between two reports,
 * divided by the time between their timestamps. Pure functions: no browser needed.
 */

/** One stats dictionary from `pc.getStats()`, read as plain fields. `timestamp` is in ms. */
export type StatsFields = Readonly<Record<string, unknown>> & { readonly timestamp: number };

/** `field` of `stats` if it is a finite number, else `undefined`: browsers leave fields out. */
export function numberField(stats: StatsFields | undefined, field: string): number | undefined {
  const value = stats?.[field];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * How fast the cumulative counter `field` grew from `before` to `after`, per second, times
 * `scale` (8 turns bytes into bits).
 *
 * `undefined` when there is nothing honest to say: no earlier report yet, the field missing on
 * either side, no time between the two, or a counter that went down. Counters only go down
 * when the stream behind them was replaced, and the difference would then be meaningless.
 *
 * @example counterRate({ timestamp: 0, bytesSent: 0 }, { timestamp: 500, bytesSent: 1000 }, 'bytesSent', 8) // 16000
 */
export function counterRate(
  before: StatsFields | undefined,
  after: StatsFields,
  field: string,
  scale = 1,
): number | undefined {
  const from = numberField(before, field);
  const to = numberField(after, field);
  if (before === undefined || from === undefined || to === undefined || to < from) return undefined;
  const seconds = (after.timestamp - before.timestamp) / 1000;
  return seconds > 0 ? ((to - from) * scale) / seconds : undefined;
}
