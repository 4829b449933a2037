import type { IceReport } from '@peerlab/signaling';

const PAIR_TYPES = new Set(['host', 'srflx', 'prflx', 'relay']);

/**
 * The type of the local candidate of the pair ICE chose (`relay`: through TURN), from
 * `getStats()`: the transport names its selected pair, the pair its local candidate.
 */
export async function selectedPairType(pc: RTCPeerConnection): Promise<IceReport['pair']> {
  const stats = [...(await pc.getStats()).values()] as Record<string, unknown>[];
  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  const pair = stats.find((s) => s.id === transport?.selectedCandidatePairId);
  const type = stats.find((s) => s.id === pair?.localCandidateId)?.candidateType;
  return PAIR_TYPES.has(type as string) ? (type as IceReport['pair']) : undefined;
}

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
  const pair = await selectedPairType(pc).catch(() => undefined);
  return { kind: 'ice', outcome: 'connected', connectMs, ...(pair && { pair }) };
}
