import { randomBytes } from 'node:crypto';
import { startHub, type Hub, type HubOptions } from '@peerlab/server';
import { TEST_RUN_LIMITS } from './peerlab-test.ts';

/** A hub a test stops and starts again, on the same port, as someone restarting `npm start`. */
export interface RestartableHub {
  url: string;
  /** Stops the hub: every page loses signaling (calls in progress go on peer to peer). */
  stop(): Promise<void>;
  /** Starts it again where it was, with the same secret, so it takes its peers back. */
  start(): Promise<void>;
}

/** Starts a hub of the test's own (not the worker's): one it may restart mid-test. */
export async function startRestartableHub(options: HubOptions = {}): Promise<RestartableHub> {
  const resumeSecret = randomBytes(16).toString('hex');
  const settings = (port: number): HubOptions => ({
    host: '127.0.0.1',
    quiet: true,
    ...options,
    port,
    signaling: { ...TEST_RUN_LIMITS, ...options.signaling, resumeSecret },
  });
  let hub: Hub | undefined = await startHub(settings(0));
  const { port, url } = hub;
  return {
    url,
    async stop() {
      await hub?.close();
      hub = undefined;
    },
    async start() {
      hub ??= await startHub(settings(port));
    },
  };
}
