import type { RoomRegistry } from './room-registry.ts';
import type { RoomStore } from './room-store.ts';

/** The rooms of one hub, kept in this process: the registry, answered without waiting. */
export function memoryRoomStore(registry: RoomRegistry): RoomStore {
  return {
    join: async (room, socketId, request) => registry.join(room, socketId, request),
    lookup: (socketId) => registry.lookup(socketId),
    connectedSocket: async (room, peerId) =>
      registry.connectedMember(room, peerId)?.socketId ?? undefined,
    leave: async (socketId) => registry.leave(socketId),
    markAway: async (socketId) => registry.markAway(socketId),
    expire: async (room, peerId) => registry.expire(room, peerId),
    roomCount: () => registry.roomCount(),
    peerCount: () => registry.peerCount(),
    close: async () => {},
  };
}
