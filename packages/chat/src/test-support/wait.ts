import type { PeerChannel } from '@peerlab/peer';

/** Resolves once the channel is open. */
export function opened(channel: PeerChannel): Promise<void> {
  return channel.isOpen
    ? Promise.resolve()
    : new Promise((resolve) => channel.once('open', resolve));
}
