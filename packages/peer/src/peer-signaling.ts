import type { SignalingClient, SignalPayload } from '@peerlab/signaling';

/**
 * What a PeerSession needs from signaling: a way to send to *its* remote peer and to hear from
 * it. The hub's SignalingClient is one; two sessions in one page can share a loopback pair.
 */
export interface PeerSignaling {
  send(payload: SignalPayload): void;
  /** Calls `listener` for every payload from the remote peer; returns an unsubscribe function. */
  onSignal(listener: (payload: SignalPayload) => void): () => void;
}

/** The part of a SignalingClient's conversation that concerns one remote peer. */
export function signalingToPeer(client: SignalingClient, peerId: string): PeerSignaling {
  return {
    send: (payload) => client.send(peerId, payload),
    onSignal: (listener) =>
      client.on('signal', ({ from, payload }) => {
        if (from === peerId) listener(payload);
      }),
  };
}

/** Signaling for a call made before its peer is known: it is addressed later, with `address`. */
export interface LaterPeerSignaling extends PeerSignaling {
  /** From now on talks to `peerId`; what was sent before goes to it first, in order. */
  address(peerId: string): void;
}

/** Like {@link signalingToPeer}, for a peer that is not there yet: sends wait for `address`. */
export function signalingToLaterPeer(client: SignalingClient): LaterPeerSignaling {
  let peerId: string | undefined;
  const waiting: SignalPayload[] = [];
  return {
    send: (payload) => (peerId ? client.send(peerId, payload) : void waiting.push(payload)),
    onSignal: (listener) =>
      client.on('signal', ({ from, payload }) => {
        if (peerId && from === peerId) listener(payload);
      }),
    address(id) {
      peerId = id;
      for (const payload of waiting.splice(0)) client.send(id, payload);
    },
  };
}

/**
 * Two signaling ends wired to each other inside one page, for two local sessions.
 * Delivery is asynchronous and in order, like a real server.
 */
export function createLoopbackSignaling(): [PeerSignaling, PeerSignaling] {
  const listeners: [Set<(p: SignalPayload) => void>, Set<(p: SignalPayload) => void>] = [
    new Set(),
    new Set(),
  ];
  const side = (mine: 0 | 1): PeerSignaling => ({
    send: (payload) => {
      // structuredClone: the other side gets a copy, as it would from the network.
      const copy = structuredClone(payload);
      setTimeout(() => listeners[mine === 0 ? 1 : 0].forEach((listener) => listener(copy)));
    },
    onSignal: (listener) => {
      listeners[mine].add(listener);
      return () => listeners[mine].delete(listener);
    },
  });
  return [side(0), side(1)];
}
