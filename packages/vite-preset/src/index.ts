import { mergeConfig, type UserConfig } from 'vite';

/** Where the hub runs while you develop one app alone (`npm run hub`). */
const DEFAULT_HUB = 'http://127.0.0.1:8080';

/**
 * The Vite settings every PeerLab app shares:
 * - `base: './'` so the built app works under any path (the hub serves it at /demos/<name>/);
 * - in `vite dev` and `vite preview`, signaling and `/api` are proxied to the hub, so the page
 *   talks to its own origin exactly as it does when the hub serves it.
 */
export function peerlabApp(overrides: UserConfig = {}): UserConfig {
  const hub = process.env.PEERLAB_HUB_URL ?? DEFAULT_HUB;
  const proxy = {
    '/socket.io': { target: hub, ws: true },
    '/api': { target: hub },
  };
  return mergeConfig(
    {
      base: './',
      build: { target: 'es2022', sourcemap: true },
      server: { proxy },
      preview: { proxy },
    } satisfies UserConfig,
    overrides,
  );
}
