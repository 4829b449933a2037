/** What the peer list says for a path. */
export function pathWords(path: 'direct' | 'relay' | undefined): string {
  if (path === 'relay') return 'relayed through TURN';
  if (path === 'direct') return 'peer to peer';
  return 'connecting…';
}
