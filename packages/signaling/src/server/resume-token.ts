import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a resume token vouches for: this peer id, in this room, with its place and role. */
export interface ResumeClaims {
  room: string;
  peerId: string;
  /** Join order: roles come from it (the later joiner of a pair is polite). */
  seq: number;
  /** The room's size, as its creator set it. */
  capacity: number;
}

/**
 * `seq.capacity.mac`: the claims a hub needs to take a peer back after it restarted and lost
 * its rooms, signed with the hub's secret (HMAC-SHA256), so nobody can make one up.
 */
export function signResumeToken(secret: string, claims: ResumeClaims): string {
  const body = `${claims.seq}.${claims.capacity}`;
  return `${body}.${mac(secret, claims.room, claims.peerId, body)}`;
}

/** The claims of `token` if this secret signed it for this room and peer id. */
export function verifyResumeToken(
  secret: string,
  room: string,
  peerId: string,
  token: string,
): ResumeClaims | undefined {
  const match = /^(\d{1,15})\.(\d{1,3})\.([\w-]{43})$/.exec(token);
  if (!match) return undefined;
  const [, seq, capacity, given] = match as unknown as [string, string, string, string];
  const expected = mac(secret, room, peerId, `${seq}.${capacity}`);
  const same = timingSafeEqual(Buffer.from(expected), Buffer.from(given));
  return same ? { room, peerId, seq: Number(seq), capacity: Number(capacity) } : undefined;
}

function mac(secret: string, room: string, peerId: string, body: string): string {
  return createHmac('sha256', secret).update(`${room}\n${peerId}\n${body}`).digest('base64url');
}
