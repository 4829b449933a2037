import { TypedEmitter } from '@peerlab/events';
import { createLoopbackSignaling, PeerSession, type RoomCallEvents } from '@peerlab/peer';

/** Stands in for a RoomCall: the test says when a peer comes and goes. */
export class FakeCall extends TypedEmitter<RoomCallEvents> {
  add(peerId: string, session: PeerSession): void {
    this.emit('peer-added', { peerId, session });
  }

  remove(peerId: string): void {
    this.emit('peer-removed', { peerId });
  }
}

/**
 * Two real peer connections in this page, wired by loopback signaling: `first` joined first
 * (impolite), `second` after it (polite), as the hub would decide.
 */
export function sessionPair(): { first: PeerSession; second: PeerSession; close(): void } {
  const [a, b] = createLoopbackSignaling();
  const first = new PeerSession({ polite: false, signaling: a });
  const second = new PeerSession({ polite: true, signaling: b });
  return {
    first,
    second,
    close() {
      first.close();
      second.close();
    },
  };
}

/** Calls `first` and `second` peers of each other: each sees the other's id and its session. */
export function connect(
  [firstCall, firstId]: [FakeCall, string],
  [secondCall, secondId]: [FakeCall, string],
): { close(): void } {
  const pair = sessionPair();
  firstCall.add(secondId, pair.first);
  secondCall.add(firstId, pair.second);
  return {
    close() {
      pair.close();
      firstCall.remove(secondId);
      secondCall.remove(firstId);
    },
  };
}
