// #region path
/** The candidate types of the pair ICE chose: `relay` on either end means through TURN. */
export interface SelectedPair {
  local?: RTCIceCandidateType;
  remote?: RTCIceCandidateType;
}

/**
 * The pair ICE chose, from `getStats()`: the transport names its selected pair, the pair its
 * two candidates. Undefined until ICE has chosen one.
 */
export async function selectedPair(pc: RTCPeerConnection): Promise<SelectedPair | undefined> {
  const stats = [...(await pc.getStats()).values()] as Record<string, unknown>[];
  const transport = stats.find((s) => s.type === 'transport' && s.selectedCandidatePairId);
  const pair = stats.find((s) => s.id === transport?.selectedCandidatePairId);
  if (!pair) return undefined;
  const typeOf = (id: unknown) =>
    stats.find((s) => s.id === id)?.candidateType as RTCIceCandidateType | undefined;
  return { local: typeOf(pair.localCandidateId), remote: typeOf(pair.remoteCandidateId) };
}

/**
 * Whether a connected call goes straight between the two browsers or through a TURN server,
 * which either side may have chosen: one relay candidate in the pair is enough.
 */
export async function selectedPath(pc: RTCPeerConnection): Promise<'direct' | 'relay' | undefined> {
  const pair = await selectedPair(pc);
  if (!pair) return undefined;
  return pair.local === 'relay' || pair.remote === 'relay' ? 'relay' : 'direct';
}
// #endregion path
