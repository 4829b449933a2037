import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { signalingError } from '../errors.ts';
import type { PeerInfo } from '../protocol.ts';
import type { JoinOutcome, JoinRequest, Member } from './room-store.ts';
import { signResumeToken, verifyResumeToken } from './resume-token.ts';

export type { JoinOutcome, Member } from './room-store.ts';

/**
 * For this long after it starts, a hub takes back peers it never met if their resume token
 * carries its secret: they were in a room when the hub restarted. Later, such a token only
 * gets a new peer id, as the peers it named have long hung up on it.
 */
export const RESTART_WINDOW_MS = 60_000;

interface Room {
  readonly name: string;
  readonly capacity: number;
  readonly members: Map<string, Member>;
  /** The client address that created it, counted against its maxRoomsPerAddress. */
  readonly createdBy: string | undefined;
}

/**
 * Who is in which room. Pure bookkeeping, no sockets, so every rule (capacity, resume,
 * roles) is unit-tested on its own.
 */
export class RoomRegistry {
  readonly #rooms = new Map<string, Room>();
  readonly #bySocket = new Map<string, { room: Room; member: Member }>();
  /** How many open rooms each client address created. */
  readonly #roomsByAddress = new Map<string, number>();
  #nextSeq = 1;
  readonly #secret: string;
  readonly #startedAt: number;
  readonly #now: () => number;
  /** Peers that left or expired since the start: a restart cannot bring them back. */
  readonly #departed = new Set<string>();

  constructor(
    readonly limits: { defaultCapacity: number; maxCapacity: number; maxRoomsPerAddress?: number },
    options: {
      /** Signs resume tokens; the same one across restarts keeps peers' ids (default: random). */
      secret?: string | undefined;
      now?: () => number;
    } = {},
  ) {
    this.#secret = options.secret ?? randomBytes(32).toString('base64url');
    this.#now = options.now ?? Date.now;
    this.#startedAt = this.#now();
  }

  join(roomName: string, socketId: string, request: JoinRequest): JoinOutcome {
    if (request.capacity !== undefined && request.capacity > this.limits.maxCapacity) {
      return {
        ok: false,
        error: signalingError(
          'capacity-too-large',
          `Rooms on this server hold at most ${this.limits.maxCapacity} peers; you asked for ${request.capacity}.`,
        ),
      };
    }
    const room = this.#rooms.get(roomName);
    const previous = request.resume && room?.members.get(request.resume.peerId);
    if (room && previous && request.resume && sameToken(previous.token, request.resume.token)) {
      const replacedSocketId = previous.socketId;
      if (replacedSocketId) this.#bySocket.delete(replacedSocketId);
      previous.socketId = socketId;
      this.#bySocket.set(socketId, { room, member: previous });
      return {
        ok: true,
        member: previous,
        capacity: room.capacity,
        resumed: true,
        replacedSocketId,
        peers: this.peersOf(roomName, previous),
      };
    }
    const restored = !previous && request.resume && this.#restoredClaims(roomName, request.resume);
    const maxRooms = this.limits.maxRoomsPerAddress ?? Number.POSITIVE_INFINITY;
    if (
      !room &&
      request.address !== undefined &&
      this.roomsCreatedBy(request.address) >= maxRooms
    ) {
      return {
        ok: false,
        error: signalingError(
          'too-many-rooms',
          `Your network address already has ${maxRooms} rooms open on this hub, the most it allows. Leave one, or join an existing room.`,
        ),
      };
    }
    // #region capacity
    const capacity = restored ? restored.capacity : request.capacity;
    const target = room ?? this.#createRoom(roomName, capacity, request.address);
    if (target.members.size >= target.capacity) {
      return {
        ok: false,
        error: signalingError(
          'room-full',
          `Room "${roomName}" is full (${target.capacity} of ${target.capacity} peers). Pick another room name or ask someone to leave.`,
        ),
      };
    }
    // #endregion capacity
    // Taken back after a restart: its old id, place and role, so the calls it is in go on.
    const peerId = restored ? restored.peerId : randomUUID();
    const seq = restored ? restored.seq : this.#nextSeq++;
    this.#nextSeq = Math.max(this.#nextSeq, seq + 1);
    const token = signResumeToken(this.#secret, {
      room: roomName,
      peerId,
      seq,
      capacity: target.capacity,
    });
    const member: Member = { peerId, token, seq, socketId };
    target.members.set(member.peerId, member);
    this.#bySocket.set(socketId, { room: target, member });
    const resumed = Boolean(restored);
    return {
      ok: true,
      member,
      capacity: target.capacity,
      resumed,
      replacedSocketId: null,
      peers: this.peersOf(roomName, member),
    };
  }

  /** The claims of a resume token for a peer this hub never met, if it restarted just now. */
  #restoredClaims(room: string, resume: { peerId: string; token: string }) {
    if (this.#now() - this.#startedAt > RESTART_WINDOW_MS) return undefined;
    if (this.#departed.has(resume.peerId)) return undefined;
    const claims = verifyResumeToken(this.#secret, room, resume.peerId, resume.token);
    return claims && claims.capacity <= this.limits.maxCapacity ? claims : undefined;
  }

  /** The room and member a connected socket speaks for. */
  lookup(socketId: string): { room: string; member: Member } | undefined {
    const entry = this.#bySocket.get(socketId);
    return entry && { room: entry.room.name, member: entry.member };
  }

  /** A member of `room` by peer id, only if it is connected right now. */
  connectedMember(room: string, peerId: string): Member | undefined {
    const member = this.#rooms.get(room)?.members.get(peerId);
    return member?.socketId ? member : undefined;
  }

  /** The other members of the sender's room, with the sender's role toward each. */
  peersOf(room: string, self: Member): PeerInfo[] {
    const members = this.#rooms.get(room)?.members.values() ?? [];
    return [...members]
      .filter((other) => other.peerId !== self.peerId)
      .map((other) => ({ peerId: other.peerId, polite: self.seq > other.seq }));
  }

  /** Removes the socket's member for good (it left). */
  leave(socketId: string): { room: string; member: Member } | undefined {
    const entry = this.#bySocket.get(socketId);
    if (!entry) return undefined;
    this.#bySocket.delete(socketId);
    this.#remove(entry.room, entry.member.peerId);
    return { room: entry.room.name, member: entry.member };
  }

  /** The socket dropped: keep its member (and its slot) while it may come back. */
  markAway(socketId: string): { room: string; member: Member } | undefined {
    const entry = this.#bySocket.get(socketId);
    if (!entry) return undefined;
    this.#bySocket.delete(socketId);
    entry.member.socketId = null;
    return { room: entry.room.name, member: entry.member };
  }

  /** Ends the grace period: removes the member if it is still away. True if it was removed. */
  expire(roomName: string, peerId: string): boolean {
    const room = this.#rooms.get(roomName);
    const member = room?.members.get(peerId);
    if (!room || !member || member.socketId !== null) return false;
    this.#remove(room, peerId);
    return true;
  }

  roomCount(): number {
    return this.#rooms.size;
  }

  /** Peers in every room, counting those away in their grace period. */
  peerCount(): number {
    let count = 0;
    for (const room of this.#rooms.values()) count += room.members.size;
    return count;
  }

  /** Rooms still open that `address` created. */
  roomsCreatedBy(address: string): number {
    return this.#roomsByAddress.get(address) ?? 0;
  }

  #createRoom(name: string, capacity = this.limits.defaultCapacity, createdBy?: string): Room {
    const room: Room = { name, capacity, members: new Map(), createdBy };
    this.#rooms.set(name, room);
    if (createdBy !== undefined) this.#countRoom(createdBy, +1);
    return room;
  }

  #remove(room: Room, peerId: string): void {
    room.members.delete(peerId);
    if (this.#now() - this.#startedAt <= RESTART_WINDOW_MS) this.#departed.add(peerId);
    if (room.members.size > 0) return;
    this.#rooms.delete(room.name);
    if (room.createdBy !== undefined) this.#countRoom(room.createdBy, -1);
  }

  #countRoom(address: string, change: number): void {
    const count = this.roomsCreatedBy(address) + change;
    // Forget addresses without rooms, so the map cannot grow with every client ever seen.
    if (count > 0) this.#roomsByAddress.set(address, count);
    else this.#roomsByAddress.delete(address);
  }
}

function sameToken(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}
