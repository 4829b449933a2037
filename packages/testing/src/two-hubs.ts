import { startHub, type Hub, type HubOptions } from '@peerlab/server';
import { startRedisServer, type RedisServer } from '@peerlab/signaling/test-support/redis-server';
import { TEST_RUN_LIMITS } from './peerlab-test.ts';

/** Two hubs on their own ports sharing rooms through a real redis-server of the test's own. */
export interface TwoHubs {
  hubs: [Hub, Hub];
  redis: RedisServer;
  close(): Promise<void>;
}

export async function startTwoHubs(options: HubOptions = {}): Promise<TwoHubs> {
  const redis = await startRedisServer();
  const settings: HubOptions = {
    host: '127.0.0.1',
    quiet: true,
    ...options,
    port: 0,
    signaling: { ...TEST_RUN_LIMITS, ...options.signaling, redisUrl: redis.url },
  };
  const hubs: [Hub, Hub] = [await startHub(settings), await startHub(settings)];
  return {
    hubs,
    redis,
    async close() {
      await Promise.all(hubs.map((hub) => hub.close()));
      await redis.stop();
    },
  };
}
