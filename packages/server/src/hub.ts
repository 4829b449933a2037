import { createServer, type Server } from 'node:http';
import { createServer as createSecureServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { attachSignaling, type SignalingServerOptions } from '@peerlab/signaling/server';
import { discoverApps, type AppInfo } from './discover-apps.ts';
import { findDocsSite, type DocsSite } from './docs-site.ts';
import { findRepoRoot } from './find-repo-root.ts';
import { createHubMetrics } from './hub-metrics.ts';
import { httpUrl } from './http-url.ts';
import { iceServersFor, validateIceOptions, type IceOptions } from './ice-config.ts';
import { createRequestHandler } from './request-handler.ts';
import { servedOrigins } from './served-origins.ts';
import type { TlsCredentials } from './tls-certificate.ts';

/** How to run a hub; every field has a default. */
export interface HubOptions {
  /** TCP port; default 8080, 0 picks any free port. */
  port?: number;
  /** Interface to listen on; default `127.0.0.1` (this machine only). */
  host?: string;
  /** Page origins, besides the hub's own, allowed to use signaling and the JSON endpoints. */
  allowedOrigins?: string[];
  /**
   * The hub's address when browsers reach it under another name than `host`: a DNS name, or
   * a reverse proxy in front of it (`https://peerlab.example.org`). Requests naming a host the
   * hub does not serve are refused.
   */
  publicUrl?: string;
  /** The monorepo to serve apps from; default: the repo this package is in. */
  rootDir?: string;
  /** ICE servers handed out at `/api/ice` and with every join; default none. */
  ice?: IceOptions;
  signaling?: Partial<SignalingServerOptions>;
  /** Serve https with this certificate (cameras on other machines need https). */
  tls?: TlsCredentials;
  /** Don't print warnings (apps skipped, request errors, signaling events that failed). */
  quiet?: boolean;
}

/** A running hub. */
export interface Hub {
  /** The landing page URL, such as `http://127.0.0.1:8080/`. */
  url: string;
  port: number;
  /** The `publicUrl` option: the address browsers use when it is not `url`. */
  publicUrl: string | undefined;
  /** Every origin the hub answers at (loopback, its network addresses, the public URL). */
  servedOrigins: string[];
  httpServer: Server;
  apps: AppInfo[];
  /** The docs site at `/docs/`, and whether it is built. */
  docs: DocsSite;
  /** Closes signaling, then the HTTP server and every open connection. Safe to call twice. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 8080;
export const DEFAULT_HOST = '127.0.0.1';

/**
 * Starts the PeerLab hub: one HTTP server on one origin serving the landing page, every built
 * app, the docs, `/healthz`, `/api/ice` and socket.io signaling. Resolves once it is listening.
 */
export async function startHub(options: HubOptions = {}): Promise<Hub> {
  const { port = DEFAULT_PORT, host = DEFAULT_HOST, ice = {}, quiet = false } = options;
  validateIceOptions(ice);
  if (options.publicUrl !== undefined && !URL.canParse(options.publicUrl)) {
    throw new Error(`publicUrl "${options.publicUrl}" is not a URL such as https://example.org.`);
  }
  const warn = quiet ? () => {} : console.warn;
  const rootDir = options.rootDir ?? findRepoRoot();
  const apps = await discoverApps(rootDir, warn);
  const docs = findDocsSite(rootDir);
  const allowedOrigins = [
    ...(options.signaling?.allowedOrigins ?? []),
    ...(options.allowedOrigins ?? []),
  ];

  const httpServer: Server = options.tls ? createSecureServer(options.tls) : createServer();
  try {
    await listen(httpServer, port, host);
  } catch (error) {
    throw new Error(describeListenError(error, host, port), { cause: error });
  }
  // Routes and signaling come once the port is known, since the served origins name it. No
  // request can arrive in between: this still runs in the turn in which 'listening' fired.
  const actualPort = (httpServer.address() as AddressInfo).port;
  const served = [
    ...servedOrigins(
      { host, port: actualPort, secure: options.tls !== undefined, publicUrl: options.publicUrl },
      networkInterfaces(),
    ),
    ...(options.signaling?.servedOrigins ?? []),
  ];
  const metrics = createHubMetrics({
    roomCount: () => signaling.roomCount(),
    peerCount: () => signaling.peerCount(),
  });
  const handler = createRequestHandler({
    apps,
    docs,
    ice,
    allowedOrigins,
    servedOrigins: served,
    roomCount: () => signaling.roomCount(),
    metrics,
    startedAt: Date.now(),
    onError: (error) => warn('Request failed:', error),
  });
  httpServer.on('request', handler);
  // Attached after the request handler: socket.io then answers /socket.io/ before it.
  const signaling = attachSignaling(httpServer, {
    log: warn,
    // Each peer gets TURN credentials of its own (`expiry:peerId`) with every join.
    iceFor: (peerId) => iceServersFor(ice, Date.now(), peerId),
    observer: metrics.observer,
    ...options.signaling,
    allowedOrigins,
    servedOrigins: served,
  });

  try {
    await signaling.ready;
  } catch (error) {
    await signaling.close();
    httpServer.closeAllConnections();
    await new Promise((resolve) => httpServer.close(resolve));
    throw error;
  }

  let closing: Promise<void> | undefined;
  return {
    url: httpUrl(host, actualPort, options.tls !== undefined),
    port: actualPort,
    publicUrl: options.publicUrl,
    servedOrigins: served,
    httpServer,
    apps,
    docs,
    close() {
      closing ??= (async () => {
        await signaling.close();
        await new Promise<void>((resolve, reject) => {
          httpServer.close((error) => (error ? reject(error) : resolve()));
          // close() alone waits for keep-alive connections to time out.
          httpServer.closeAllConnections();
        });
      })();
      return closing;
    },
  };
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function describeListenError(error: unknown, host: string, port: number): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') {
    return `Port ${port} on ${host} is already in use: stop the other server or pick another port (--port).`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `Cannot listen on ${host}: it is not an address of this machine (--host).`;
  }
  if (code === 'EACCES')
    return `Not allowed to listen on port ${port}: pick a port above 1023 (--port).`;
  return `Cannot listen on ${host}:${port}: ${(error as Error).message}`;
}
