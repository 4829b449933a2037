// #region selected-pair
/** One end of a candidate pair, from its `local-candidate` or `remote-candidate` stats. */
export interface CandidateInfo {
  type: RTCIceCandidateType;
  protocol: string;
  address: string;
  port: number;
}

export interface SelectedPair {
  id: string;
  local: CandidateInfo;
  remote: CandidateInfo;
}

/**
 * The candidate pair a connection sends its media over right now, from `getStats()`: the
 * `transport` names its selected `candidate-pair`, which names its two candidates.
 */
export async function selectedPair(pc: RTCPeerConnection): Promise<SelectedPair | undefined> {
  const report = await pc.getStats();
  const candidate = (id: string): CandidateInfo => {
    const { candidateType, protocol, address, port } = report.get(id);
    return { type: candidateType, protocol, address, port };
  };
  for (const stats of report.values()) {
    if (stats.type !== 'transport' || !stats.selectedCandidatePairId) continue;
    const pair: RTCIceCandidatePairStats = report.get(stats.selectedCandidatePairId);
    return {
      id: pair.id,
      local: candidate(pair.localCandidateId),
      remote: candidate(pair.remoteCandidateId),
    };
  }
  return undefined;
}
// #endregion selected-pair

// #region ufrag
/** The ICE username fragment in this side's description: an ICE restart makes a new one. */
export function iceUfrag(pc: RTCPeerConnection): string | undefined {
  return /^a=ice-ufrag:(\S+)/m.exec(pc.localDescription?.sdp ?? '')?.[1];
}
// #endregion ufrag
