export { ChatRoom } from './chat-room.ts';
export type { ChatCall, ChatRoomEvents, ChatRoomOptions } from './chat-room-options.ts';
export {
  CHAT_LIMITS,
  IMAGE_TYPES,
  parseFrame,
  type ChatFrame,
  type ChatImage,
  type ChatMessage,
} from './chat-frames.ts';
export type { ChatEntry, ReceiptState } from './message-log.ts';
export { HistoryStore, type StoredEntry } from './history-store.ts';
export { PeerLink, CHAT_CHANNELS, type LinkCounters } from './peer-link.ts';
export { LamportClock, compareMessages } from './lamport-clock.ts';
export { randomId, tabAuthorKey } from './random-id.ts';
