import { CHAT_CHANNELS, ChatRoom, HistoryStore, tabAuthorKey } from '@peerlab/chat';
import { RoomCall } from '@peerlab/peer';
import {
  ROOM_NAME_PATTERN,
  ROOM_NAME_RULE,
  SignalingError,
  SignalingClient,
} from '@peerlab/signaling';

export interface OpenRoom {
  call: RoomCall;
  chat: ChatRoom;
  store: HistoryStore;
}

export interface JoinedRoom extends OpenRoom {
  /** How many the room holds (set by whoever created it). */
  capacity: number;
}

/** The room name, checked here first: a bad one gets the hub's own words without asking it. */
export function checkRoomName(room: string): void {
  if (!ROOM_NAME_PATTERN.test(room)) {
    throw new SignalingError({ code: 'invalid-room-name', message: ROOM_NAME_RULE, event: 'join' });
  }
}

// #region open-room
/**
 * Opens a room: its history from IndexedDB first (shown before anyone is reached), then a
 * `RoomCall` with the chat's two channels in every call, and the chat on top. `onReady` runs
 * once the history is loaded, before the join, so the page can show it at once.
 */
export async function openRoom(
  { room, nick, size, relayOnly }: { room: string; nick: string; size: number; relayOnly: boolean },
  onReady: (opened: OpenRoom) => void,
): Promise<JoinedRoom> {
  checkRoomName(room);
  const store = await HistoryStore.open(room);
  const history = await store.load();
  const call = new RoomCall({
    signaling: new SignalingClient(),
    // Every path through TURN: how a call between two strict networks goes, on one machine.
    ...(relayOnly && { iceTransportPolicy: 'relay' as const }),
    channels: [CHAT_CHANNELS.reliable, CHAT_CHANNELS.unreliable],
  });
  const chat = new ChatRoom({
    call,
    author: tabAuthorKey(),
    nick,
    history,
    store,
    unreliable: true,
  });
  const opened = { call, chat, store };
  onReady(opened);
  try {
    // Whoever creates the room sets its size; later joiners get the room as it is.
    const { capacity } = await call.join(room, size);
    return { ...opened, capacity };
  } catch (error) {
    call.leave();
    store.close();
    throw error; // such as "This room is full"
  }
}
// #endregion open-room
