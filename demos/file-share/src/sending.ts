import type { OfferItem, OutgoingOffer, TransferProgress } from '@peerlab/transfer';
import type { FileRoom, PeerLink } from './file-room.ts';
import type { TransferState } from './progress-words.ts';

/** How one peer is getting on with one share. */
export interface PeerShare {
  peerId: string;
  offer: OutgoingOffer;
  state: TransferState;
  error?: unknown;
}

/** Files offered together: to everyone in the room now, and to whoever joins later. */
export interface Share {
  id: number;
  items: OfferItem[];
  bytes: number;
  stopped: boolean;
  peers: PeerShare[];
}

/**
 * The sending side of the page. A share goes to every peer, each with its own offer, progress
 * and outcome: one TransferSender per peer. A peer that joins later, or comes back after a
 * reload, is offered every share not stopped, and its receiver resumes what it verified.
 */
export class Sending {
  readonly shares: Share[] = [];
  #nextId = 1;

  constructor(
    private readonly room: FileRoom,
    private readonly changed: () => void,
    private readonly failed: (error: unknown) => void,
  ) {
    room.on('link', (link) => {
      for (const share of this.shares) if (!share.stopped) this.#offer(share, link);
      changed();
    });
  }

  // #region share
  share(items: OfferItem[]): Share | undefined {
    if (items.length === 0) return undefined;
    const bytes = items.reduce((sum, item) => sum + item.file.size, 0);
    const share: Share = { id: this.#nextId++, items, bytes, stopped: false, peers: [] };
    this.shares.unshift(share);
    for (const link of this.room.links.values()) this.#offer(share, link);
    this.changed();
    return share;
  }
  // #endregion share

  /** Cancels the share with every peer; nobody who joins later is offered it. */
  stop(share: Share): void {
    share.stopped = true;
    for (const peer of share.peers) peer.offer.cancel();
    this.changed();
  }

  #offer(share: Share, link: PeerLink): void {
    let offer: OutgoingOffer;
    try {
      offer = link.sender.offer(share.items);
    } catch (error) {
      share.stopped = true;
      return this.failed(error); // too many files for one offer: "offer these in parts"
    }
    const peer: PeerShare = { peerId: link.peerId, offer, state: { kind: 'waiting' } };
    share.peers.push(peer);
    const { sender } = link;
    const stops = [
      sender.on('answer', ({ offerId, accepted }) => {
        if (offerId !== offer.offerId || accepted.length > 0) return;
        peer.state = { kind: 'declined' };
        this.changed();
      }),
      sender.on('progress', (progress: TransferProgress) => {
        if (progress.offerId !== offer.offerId) return;
        peer.state = {
          kind: 'moving',
          done: progress.done,
          size: progress.total,
          bytesPerSecond: progress.bytesPerSecond,
          resumedFrom: progress.resumedFrom,
        };
        this.changed();
      }),
    ];
    void offer.done.then(({ files }) => {
      stops.forEach((stop) => stop());
      const outcomes = new Set(files.map((file) => file.outcome));
      const worst = (['failed', 'interrupted', 'cancelled', 'declined'] as const).find((o) =>
        outcomes.has(o),
      );
      peer.state = { kind: worst ?? 'complete' };
      peer.error = files.find((file) => file.outcome === worst)?.error;
      this.changed();
    });
  }
}
