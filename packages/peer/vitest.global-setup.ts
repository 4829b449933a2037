import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachSignaling } from '@peerlab/signaling/server';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A real signaling server on 127.0.0.1, for the tests that join rooms. */
    signalingUrl: string;
  }
}

// Runs in Node, outside the browser: a real signaling server for RoomCall's tests to join.
export default async function setup(project: TestProject) {
  const http = createServer();
  // The tests' page is served by Vitest from another origin.
  const signaling = attachSignaling(http, { allowedOrigins: ['*'], graceMs: 300 });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  project.provide('signalingUrl', `http://127.0.0.1:${(http.address() as AddressInfo).port}`);
  return async () => {
    await signaling.close();
    await new Promise((resolve) => http.close(resolve));
  };
}
