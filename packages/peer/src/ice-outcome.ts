import type { IceReport } from '@peerlab/signaling';
import { selectedPair } from './selected-path.ts';

const PAIR_TYPES = new Set(['host', 'srflx', 'prflx', 'relay']);

/**
 * How a call's ICE went, for the hub's metrics: once connected (over which kind of path, how
 * long after `startedAt`) or failed. Only the first outcome of a call counts.
 */
export async function iceOutcome(
  pc: RTCPeerConnection,
  state: 'connected' | 'failed',
  startedAt: number,
): Promise<IceReport> {
  if (state === 'failed') return { kind: 'ice', outcome: 'failed' };
  const connectMs = Math.round(performance.now() - startedAt);
  // The hub counts the kind of path this side chose: its own end of the pair.
  const local = (await selectedPair(pc).catch(() => undefined))?.local;
  const pair = PAIR_TYPES.has(local ?? '') ? (local as IceReport['pair']) : undefined;
  return { kind: 'ice', outcome: 'connected', connectMs, ...(pair && { pair }) };
}
