// #region path
/** How the call with one peer stands, in the words the peer list uses. */
export type PeerPath = 'connecting' | 'direct' | 'relay' | 'reconnecting' | 'failed' | 'closed';

/**
 * Whether a connected call goes straight between the two browsers or through a TURN server:
 * the selected candidate pair says, once ICE has chosen one.
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

/** The path for a connection state; a connected call asks `selectedPath` which of two it is. */
export function pathOfState(state: RTCPeerConnectionState): PeerPath | 'connected' {
  switch (state) {
    case 'new':
    case 'connecting':
      return 'connecting';
    case 'disconnected':
      return 'reconnecting';
    case 'failed':
      return 'failed';
    case 'closed':
      return 'closed';
    case 'connected':
      return 'connected';
  }
}
// #endregion path

/** What the peer list says for each path, and what to do when it failed. */
export const PATH_WORDS: Record<PeerPath, { label: string; advice?: string }> = {
  connecting: { label: 'connecting…' },
  direct: { label: 'peer to peer' },
  relay: { label: 'relayed through TURN' },
  reconnecting: {
    label: 'reconnecting…',
    advice:
      'The network path dropped; a new one is being looked for (an ICE restart). Messages you write wait for it.',
  },
  failed: {
    label: 'failed',
    advice:
      'No network path between you two. On different networks a call needs a TURN server: start the hub with one (see "Servers" in the docs), or join from the same network, then both reload.',
  },
  closed: { label: 'left' },
};
