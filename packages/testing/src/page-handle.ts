import type { Page } from '@playwright/test';

/**
 * `window.peerlab`, the page handle. Every app puts its live objects there: for learners, to
 * explore in DevTools (`peerlab.call.sessions`), and for the e2e tests, the codelab checker and
 * the benchmarks, which read them. So it is a contract: the fields below are what the shared
 * helpers read, and each app's own tests read the app's own fields. Rename nothing here without
 * its readers.
 */
export interface PageHandle {
  /** The page's call: a `RoomCall` in the apps that use `@peerlab/peer`. */
  call?: CallHandle;
  /** Anything else the app shows (step 7's photo, the ASCII camera's meter, …). */
  [field: string]: unknown;
}

/** What the helpers read of a `RoomCall`. */
export interface CallHandle {
  /** One call per other peer of the room, by peer id. */
  sessions: ReadonlyMap<string, SessionHandle>;
  signaling: { peerId: string | undefined; state: string };
}

/** What the helpers read of a `PeerSession`. */
export interface SessionHandle {
  pc: RTCPeerConnection;
  connectionState: RTCPeerConnectionState;
  /** ICE candidates from the other side that the browser refused. */
  candidatesRefused: number;
}

declare global {
  interface Window {
    peerlab?: PageHandle;
  }
}

/** The `connectionState` of each of the page's calls (`[]` before it joins). */
export function callStates(page: Page): Promise<RTCPeerConnectionState[]> {
  return page.evaluate(() =>
    [...(window.peerlab?.call?.sessions.values() ?? [])].map((session) => session.connectionState),
  );
}

/** The peer id the page got from the hub (`undefined` before it joins). */
export function peerIdOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => window.peerlab?.call?.signaling.peerId);
}
