/**
 * Whether a connected call goes straight between the two browsers or through a TURN server:
 * the transport's selected candidate pair says, once ICE has chosen one.
 */
export async function selectedPath(pc: RTCPeerConnection): Promise<'direct' | 'relay' | undefined> {
  const stats = await pc.getStats();
  let pairId: string | undefined;
  stats.forEach((report) => {
    if (report.type === 'transport' && report.selectedCandidatePairId) {
      pairId = report.selectedCandidatePairId;
    }
  });
  const pair = pairId ? stats.get(pairId) : undefined;
  if (!pair) return undefined;
  const types = [stats.get(pair.localCandidateId), stats.get(pair.remoteCandidateId)].map(
    (candidate) => candidate?.candidateType,
  );
  return types.includes('relay') ? 'relay' : 'direct';
}

/** What the peer list says for a path. */
export function pathWords(path: 'direct' | 'relay' | undefined): string {
  if (path === 'relay') return 'relayed through TURN';
  if (path === 'direct') return 'peer to peer';
  return 'connecting…';
}
