import { createHmac } from 'node:crypto';

/** A short-lived TURN username and password, in coturn's "TURN REST API" format. */
export interface TurnCredentials {
  /** `<expiry unix seconds>:<user id>`. */
  username: string;
  /** base64(HMAC-SHA1(secret, username)). */
  credential: string;
  /** When the credentials stop working, in unix seconds. */
  expiresAt: number;
}

/**
 * Mints TURN credentials that coturn (`use-auth-secret` + `static-auth-secret`) accepts until
 * `nowMs + ttlSeconds`. The server only needs the shared secret to check them, so nothing is
 * stored, and the secret itself never leaves this process.
 */
export function turnCredentials(
  secret: string,
  ttlSeconds: number,
  userId: string,
  nowMs: number = Date.now(),
): TurnCredentials {
  const expiresAt = Math.floor(nowMs / 1000) + ttlSeconds;
  const username = `${expiresAt}:${userId}`;
  const credential = createHmac('sha1', secret).update(username).digest('base64');
  return { username, credential, expiresAt };
}
