import type { SignalingErrorPayload } from '../errors.ts';
import type { PeerInfo } from '../protocol.ts';

/** One peer of a room. `socketId` is null while it is away (disconnected, in its grace period). */
export interface Member {
  readonly peerId: string;
  readonly token: string;
  /** Join order; the later joiner of a pair is the polite one, stable across reconnects. */
  readonly seq: number;
  socketId: string | null;
}

export interface JoinRequest {
  capacity?: number | undefined;
  resume?: { peerId: string; token: string };
  /** The client's address: a new room counts against its maxRoomsPerAddress. */
  address?: string;
}

export type JoinOutcome =
  | {
      ok: true;
      member: Member;
      capacity: number;
      resumed: boolean;
      /** The socket that held this peer id before a resume; the caller disconnects it. */
      replacedSocketId: string | null;
      /** The room's other members, with the newcomer's role toward each. */
      peers: PeerInfo[];
    }
  | { ok: false; error: SignalingErrorPayload };

/** A member and the room it is in. */
export interface Seat {
  room: string;
  member: Member;
}

/**
 * Who is in which room, for the signaling server: in this process (one hub), or in Redis
 * (several hubs sharing rooms). Sockets belong to the hub they reached, so `lookup` answers
 * from this process; everything about rooms may have to ask Redis, so it is async.
 */
export interface RoomStore {
  /** Seats the socket in the room (capacity, resume and roles decided in one atomic step). */
  join(room: string, socketId: string, request: JoinRequest): Promise<JoinOutcome>;
  /** The seat a socket of this process speaks for. */
  lookup(socketId: string): Seat | undefined;
  /** The socket of `peerId` in `room`, only if it is connected right now (to any hub). */
  connectedSocket(room: string, peerId: string): Promise<string | undefined>;
  /** Removes the socket's member for good (it left). */
  leave(socketId: string): Promise<Seat | undefined>;
  /** The socket dropped: keep its member (and its seat) while it may come back. */
  markAway(socketId: string): Promise<Seat | undefined>;
  /** Ends the grace period: removes the member if it is still away. True if it was removed. */
  expire(room: string, peerId: string): Promise<boolean>;
  roomCount(): number;
  /** Peers in every room, counting those away in their grace period. */
  peerCount(): number;
  close(): Promise<void>;
}
