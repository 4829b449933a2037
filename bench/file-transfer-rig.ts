import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumExecutablePath, chromiumMediaFlags } from '@peerlab/testing';
import { chromium, type BrowserContext, type CDPSession, type Page } from '@playwright/test';
import { build } from 'esbuild';
import { PeerServer } from 'peer';
import type { RunConfig } from './file-transfer-page/run-config.ts';

const require = createRequire(import.meta.url);

/** The page both browsers load: a file input, simple-peer's browser build and our bundle. */
const HTML = `<!doctype html><meta charset="utf-8"><title>file-transfer bench</title>
<input id="file" type="file"><script src="/simplepeer.min.js"></script>
<script type="module" src="/page.js"></script>`;

/** One Chromium with its own profile on disk: OPFS there gets a real quota (an incognito context gets far less). */
interface Side {
  context: BrowserContext;
  page: Page;
  dataDir: string;
}

export interface Rig {
  sender: Page;
  receiver: Page;
  /** The receiving Chromium's profile folder, to find its processes. */
  receiverDataDir: string;
  /** CDP on the receiving page, for its JS heap. */
  receiverCdp: CDPSession;
  peerServer: NonNullable<RunConfig['peerServer']>;
  close(): Promise<void>;
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'chrome120',
    write: false,
    logLevel: 'warning',
  });
  return result.outputFiles[0]!.text;
}

async function servePage(): Promise<{ server: Server; url: string }> {
  const files: Record<string, [string, string]> = {
    '/': ['text/html', HTML],
    '/page.js': [
      'text/javascript',
      await bundle(join(import.meta.dirname, 'file-transfer-page/main.ts')),
    ],
    // OpfsSyncFolder starts its worker from `new URL('./opfs-sync-worker.ts', import.meta.url)`:
    // in the bundle that is next to /page.js.
    '/opfs-sync-worker.ts': [
      'text/javascript',
      await bundle(join(import.meta.dirname, '../packages/transfer/src/opfs-sync-worker.ts')),
    ],
    '/simplepeer.min.js': [
      'text/javascript',
      await readFile(require.resolve('simple-peer/simplepeer.min.js'), 'utf8'),
    ],
  };
  const server = createServer((request, response) => {
    const file = files[request.url ?? ''];
    response.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    response.end(file?.[1] ?? 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/` };
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function openSide(url: string): Promise<Side> {
  const dataDir = await mkdtemp(join(tmpdir(), 'peerlab-file-bench-'));
  const flags = chromiumMediaFlags().map((flag) =>
    // Two browsers on one machine: loopback, real addresses, no Local Network Access prompt.
    flag.startsWith('--disable-features=')
      ? `${flag},LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests`
      : flag,
  );
  const context = await chromium.launchPersistentContext(dataDir, {
    executablePath: chromiumExecutablePath(),
    args: flags,
  });
  // tsx names functions through `__name(…)`; functions sent to the page need it too.
  await context.addInitScript('globalThis.__name = (target) => target;');
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') console.warn(`  page: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => 'bench' in window);
  return { context, page, dataDir };
}

/** A signaling message goes to the other page, in the order sent. */
async function relay(from: Side, to: Side): Promise<void> {
  let queue = Promise.resolve();
  await from.context.exposeBinding('benchSignal', (_source, run: string, data: unknown) => {
    queue = queue
      .then(() =>
        to.page.evaluate(
          ([r, d]) => {
            (window as unknown as { benchOnSignal(r: string, d: unknown): void }).benchOnSignal(
              r,
              d,
            );
          },
          [run, data] as const,
        ),
      )
      .catch(() => {}); // the page closed
  });
}

/**
 * Two headless Chromiums (a sender and a receiver, each with its own on-disk profile) on one
 * page served from 127.0.0.1, a signaling relay between them through this process, and a
 * PeerServer for PeerJS.
 */
export async function startRig(): Promise<Rig> {
  const { server, url } = await servePage();
  const port = await freePort();
  const peerHttp = await new Promise<Server>((resolve) => {
    PeerServer({ host: '127.0.0.1', port, path: '/peerjs' }, (listening) =>
      resolve(listening as Server),
    );
  });
  const sides = await Promise.all([openSide(url), openSide(url)]);
  const [sender, receiver] = sides as [Side, Side];
  // The binding is added after load, so the pages are loaded again to see it.
  await relay(sender, receiver);
  await relay(receiver, sender);
  for (const side of sides) {
    await side.page.reload();
    await side.page.waitForFunction(() => 'bench' in window);
  }
  const receiverCdp = await receiver.context.newCDPSession(receiver.page);
  return {
    sender: sender.page,
    receiver: receiver.page,
    receiverDataDir: receiver.dataDir,
    receiverCdp,
    peerServer: { host: '127.0.0.1', port, path: '/peerjs' },
    async close() {
      for (const side of sides) {
        await side.context.close();
        await rm(side.dataDir, { recursive: true, force: true });
      }
      for (const http of [server, peerHttp]) {
        http.closeAllConnections();
        await new Promise((resolve) => http.close(resolve));
      }
    },
  };
}
