import type { RoomCallEvents } from '@peerlab/peer';
import type { HistoryStore, StoredEntry } from './history-store.ts';
import type { ChatEntry } from './message-log.ts';

/** What the chat needs of a call: a `RoomCall`, or anything that says when peers come and go. */
export interface ChatCall {
  on<K extends keyof RoomCallEvents>(
    type: K,
    listener: (value: RoomCallEvents[K]) => void,
  ): () => void;
}

export interface ChatRoomOptions {
  call: ChatCall;
  /** This tab's author key (`tabAuthorKey()`). */
  author: string;
  nick: string;
  /** The room's history, already loaded (`store.load()`). */
  history?: readonly StoredEntry[];
  /** Where new messages and receipts are kept; without one they live as long as the page. */
  store?: HistoryStore;
  /** Also open an unreliable, unordered channel per peer, for `mode = 'unreliable'`. */
  unreliable?: boolean;
}

export interface ChatRoomEvents {
  /** A message new to this page: written here, from a peer, or from a backlog. */
  message: { entry: ChatEntry; index: number };
  /** One of my messages got further to someone (sent, delivered, read). */
  receipt: ChatEntry;
  /** A link opened or closed, a peer said who it is, or started or stopped typing. */
  members: void;
  /** A peer sent something that is not a valid chat frame: dropped and counted. */
  rejected: { peerId: string; reason: string };
  cleared: void;
}
