import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import { RedisRoomStore, type RedisRoomStoreOptions } from './redis-room-store.ts';

/** What several hubs need to serve the same rooms: a shared room store and socket.io adapter. */
export interface ScaleOut {
  store: RedisRoomStore;
  /** socket.io's adapter: a relay or broadcast sent on one hub reaches sockets on the others. */
  adapter: ReturnType<typeof createAdapter>;
  /** Resolves once Redis answered and this hub's first heartbeat is in. */
  ready: Promise<void>;
  close(): Promise<void>;
}

/** How long `ready` waits for Redis before the hub gives up starting. */
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * Connects to Redis at `url` (`redis://host:port`, or a unix socket path) for rooms shared
 * with the other hubs there. The Redis Streams adapter, not the pub/sub one: a hub that lost
 * Redis for a moment reads what it missed from the stream instead of losing it.
 */
export function connectScaleOut(
  url: string,
  options: Omit<RedisRoomStoreOptions, 'prefix'>,
): ScaleOut {
  const redis = new Redis(url, { connectTimeout: CONNECT_TIMEOUT_MS, lazyConnect: false });
  // ioredis reconnects by itself; each failed command is reported where it was sent.
  redis.on('error', () => {});
  const store = new RedisRoomStore(redis, options);
  const adapter = createAdapter(redis, { streamName: 'peerlab:socket.io', onlyPlaintext: true });
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      redis.disconnect();
      reject(new Error(`Cannot reach Redis at ${url}: is redis-server running there?`));
    }, CONNECT_TIMEOUT_MS);
    redis.once('ready', () => {
      clearTimeout(timer);
      resolve(store.beat());
    });
  });
  return {
    store,
    adapter,
    ready,
    async close() {
      await store.close();
      redis.disconnect();
    },
  };
}
