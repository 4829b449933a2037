import { z } from 'zod';
import type { IceConfig } from '@peerlab/signaling';
import { turnCredentials } from './turn-credentials.ts';

/** A TURN server that checks coturn REST credentials minted from a shared secret. */
export interface TurnOptions {
  /** `turn:` or `turns:` URLs, such as `turn:127.0.0.1:3478?transport=udp`. */
  urls: string[];
  /** coturn's `static-auth-secret`. */
  secret: string;
  /** How long minted credentials stay valid; default 600. */
  ttlSeconds?: number;
  /** The user id part of credentials minted outside a room (`GET /api/ice`); default `peerlab`. */
  userId?: string;
}

/** Which ICE servers this deployment hands to browsers. Nothing configured → none. */
export interface IceOptions {
  /** Servers listed as they are (STUN, or TURN with fixed credentials). */
  servers?: RTCIceServer[];
  turn?: TurnOptions;
}

/**
 * The body of `GET /api/ice`, and what signaling hands each peer: pass `iceServers` to
 * `new RTCPeerConnection({ iceServers })`, and fetch again before `ttlSeconds` run out.
 */
export type { IceConfig } from '@peerlab/signaling';

/** Thrown for ICE settings a browser would reject, so the hub refuses to start with them. */
export class IceConfigError extends Error {
  override name = 'IceConfigError';
}

/**
 * Short, so a credential copied out of a page is soon worthless; pages in a room refresh
 * theirs over signaling before it runs out.
 */
export const DEFAULT_TURN_TTL_SECONDS = 600;

// RFC 7064/7065: stun:host[:port], turn(s):host[:port][?transport=udp|tcp].
const ICE_URL = /^(stun|turns?):[^\s?/]+(\?transport=(udp|tcp))?$/;

const iceServerSchema = z.strictObject({
  urls: z.union([z.string(), z.array(z.string()).min(1)], {
    error: 'must be a URL string or a non-empty array of URL strings',
  }),
  username: z.string().optional(),
  credential: z.string().optional(),
});

/** Parses `--ice-servers` / `PEERLAB_ICE_SERVERS`: a JSON array of RTCIceServer objects. */
export function parseIceServersJson(text: string): RTCIceServer[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new IceConfigError(
      'ICE servers must be a JSON array such as [{"urls":"stun:stun.example.org:3478"}]; that is not valid JSON.',
    );
  }
  const parsed = z.array(iceServerSchema).safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map(
        (issue) =>
          `${issue.path.map((key) => `[${String(key)}]`).join('') || 'top level'}: ${issue.message}`,
      )
      .join('; ');
    throw new IceConfigError(
      `ICE servers must be a JSON array of {urls, username?, credential?} objects (${problems}).`,
    );
  }
  const servers: RTCIceServer[] = parsed.data;
  validateIceOptions({ servers });
  return servers;
}

/** Throws an IceConfigError for any URL or TURN setting a browser or coturn would refuse. */
export function validateIceOptions(options: IceOptions): void {
  for (const server of options.servers ?? []) {
    for (const url of asList(server.urls)) {
      checkUrl(url);
      if (url.startsWith('turn') && (!server.username || !server.credential)) {
        throw new IceConfigError(
          `The TURN server ${url} needs a username and credential (or use --turn-url with --turn-secret).`,
        );
      }
    }
  }
  const { turn } = options;
  if (!turn) return;
  if (turn.urls.length === 0) throw new IceConfigError('TURN needs at least one turn: URL.');
  for (const url of turn.urls) {
    checkUrl(url);
    if (!url.startsWith('turn')) {
      throw new IceConfigError(
        `${url} is not a TURN URL; --turn-url takes turn: or turns: URLs (list STUN servers in --ice-servers).`,
      );
    }
  }
  if (!turn.secret) throw new IceConfigError('TURN needs a non-empty shared secret.');
  const ttl = turn.ttlSeconds ?? DEFAULT_TURN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl < 1) {
    throw new IceConfigError(
      `The TURN credential lifetime must be a whole number of seconds ≥ 1; got ${ttl}.`,
    );
  }
}

/**
 * The ICE configuration to hand a browser now: fixed servers, then TURN with fresh credentials
 * for `userId` (a peer id, so coturn's logs and quotas tell peers apart).
 */
export function iceServersFor(
  options: IceOptions,
  nowMs: number = Date.now(),
  userId: string = options.turn?.userId ?? 'peerlab',
): IceConfig {
  const iceServers = [...(options.servers ?? [])];
  const { turn } = options;
  if (!turn) return { iceServers };
  const ttlSeconds = turn.ttlSeconds ?? DEFAULT_TURN_TTL_SECONDS;
  const { username, credential } = turnCredentials(turn.secret, ttlSeconds, userId, nowMs);
  iceServers.push({ urls: turn.urls, username, credential });
  return { iceServers, ttlSeconds };
}

function checkUrl(url: string): void {
  if (url.startsWith('stun:') && url.includes('?')) {
    throw new IceConfigError(
      `${url}: stun: URLs take no ?transport= (Chrome rejects them); drop the query or use a turn: URL.`,
    );
  }
  if (!ICE_URL.test(url)) {
    throw new IceConfigError(
      `${url} is not an ICE server URL; use stun:host[:port], turn:host[:port][?transport=udp|tcp] or turns:…`,
    );
  }
}

function asList(urls: string | string[]): string[] {
  return typeof urls === 'string' ? [urls] : urls;
}
