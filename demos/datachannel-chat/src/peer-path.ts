// #region path
/** How the call with one peer stands, in the words the peer list uses. */
export type PeerPath = 'connecting' | 'direct' | 'relay' | 'reconnecting' | 'failed' | 'closed';

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
