import type { ChatRoom } from '@peerlab/chat';
import { selectedPath, type RoomCall } from '@peerlab/peer';
import type { PeerRow } from './chat-peer-list.ts';
import { pathOfState, type PeerPath } from './peer-path.ts';

/**
 * Keeps each peer's path up to date (a connected call asks getStats whether it is relayed),
 * and makes the rows of the peer list. `onChange` runs when a path changes.
 */
export function trackPeerPaths(call: RoomCall, onChange: () => void) {
  const paths = new Map<string, PeerPath>();
  const update = async (peerId: string, state: RTCPeerConnectionState) => {
    const path = pathOfState(state);
    if (path !== 'connected') paths.set(peerId, path);
    else {
      const pc = call.sessions.get(peerId)?.pc;
      paths.set(peerId, (pc && (await selectedPath(pc))) ?? 'direct');
    }
    onChange();
  };
  call.on('peer-added', ({ peerId, session }) => {
    paths.set(peerId, 'connecting');
    session.on('ice-restart', () => {
      paths.set(peerId, 'reconnecting');
      onChange();
    });
  });
  call.on('peer-state', ({ peerId, state }) => void update(peerId, state));
  call.on('peer-removed', ({ peerId }) => paths.delete(peerId));
  return {
    rows(chat: ChatRoom): PeerRow[] {
      return [...chat.links.values()].map((link) => ({
        peerId: link.peerId,
        nick: link.hello?.nick,
        path: paths.get(link.peerId) ?? 'connecting',
        counters: link.counters,
        queued: link.hello ? chat.queuedFor(link.hello.author) : 0,
      }));
    },
  };
}
