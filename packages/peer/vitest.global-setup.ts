import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachSignaling } from '@peerlab/signaling/server';
import { startCoturn } from '@peerlab/testing';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real signaling server on 127.0.0.1, for the tests that join rooms. */
    signalingUrl: string;
    /** A real coturn, and credentials for it that expired an hour ago. */
    turn: { url: string; expired: { username: string; credential: string } };
    /**
     * A signaling server that hands each peer that coturn, with credentials of its own that
     * last `ttlSeconds`, as a hub with TURN does.
     */
    turnSignaling: { url: string; ttlSeconds: number };
  }
}

// Runs in Node, outside the browser: a real signaling server for RoomCall's tests to join, and
// a real coturn (Debian's) for what the browser does with TURN.
export default async function setup(project: TestProject) {
  const coturn = await startCoturn();
  const expired = coturn.credentials(60, Date.now() - 3_600_000);
  project.provide('turn', { url: coturn.url, expired });
  const http = createServer();
  // The tests' page is served by Vitest from another origin.
  const signaling = attachSignaling(http, { allowedOrigins: ['*'], graceMs: 300 });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  project.provide('signalingUrl', `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
  // Credentials this short run out within a test, so their renewal shows.
  const ttlSeconds = 3;
  const turnHttp = createServer();
  const turnSignaling = attachSignaling(turnHttp, {
    allowedOrigins: ['*'],
    iceFor: (peerId) => {
      const { username, credential } = coturn.credentials(ttlSeconds, Date.now(), peerId);
      return { iceServers: [{ urls: coturn.url, username, credential }], ttlSeconds };
    },
  });
  await new Promise<void>((resolve) => turnHttp.listen(0, '127.0.0.1', resolve));
  const turnPort = (turnHttp.address() as AddressInfo).port;
  project.provide('turnSignaling', { url: `http://127.0.0.1:${turnPort}`, ttlSeconds });
  return async () => {
    await Promise.all([signaling.close(), turnSignaling.close()]);
    await new Promise((resolve) => http.close(resolve));
    await new Promise((resolve) => turnHttp.close(resolve));
    await coturn.close();
  };
}
