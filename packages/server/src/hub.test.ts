import { createHmac } from 'node:crypto';
import { request } from 'node:http';
import { SignalingClient } from '@peerlab/signaling';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHub, type Hub } from './hub.ts';
import { IceConfigError } from './ice-config.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

// A real hub on 127.0.0.1, a free port and a fixture repo: nothing here is mocked.
const INDEX_HTML =
  '<!doctype html><title>Video room</title><script src="./assets/app-1234.js"></script>';
const APP_JS = 'console.info("video room");';
let repo: FixtureRepo;
let hub: Hub;

beforeAll(async () => {
  repo = createFixtureRepo([
    {
      id: 'demos/video-room',
      peerlab: { title: 'Video room', summary: 'Call everyone in a room.', order: 60 },
      files: { 'dist/index.html': INDEX_HTML, 'dist/assets/app-1234.js': APP_JS },
    },
    {
      id: 'codelab/01-camera',
      peerlab: { title: 'Open the camera', summary: 'getUserMedia.', order: 1 },
    },
    { id: 'demos/broken', peerlab: { title: 'Broken' } },
  ]);
  hub = await startHub({
    port: 0,
    rootDir: repo.rootDir,
    allowedOrigins: ['http://localhost:5173'],
    quiet: true,
  });
});

afterAll(async () => {
  await hub?.close();
  repo?.remove();
});

const get = (path: string, init?: RequestInit) => fetch(new URL(path, hub.url), init);

/** A GET with any Host header (fetch always sends the URL's own). */
function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { Host: host } }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startHub', () => {
  test('listens on 127.0.0.1 at the port it reports, and skips malformed apps', () => {
    expect(hub.url).toBe(`http://127.0.0.1:${hub.port}/`);
    expect(hub.port).toBeGreaterThan(0);
    expect(hub.apps.map((app) => app.id)).toEqual(['codelab/01-camera', 'demos/video-room']);
  });

  test('GET /healthz reports uptime, apps and rooms', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({
      ok: true,
      uptimeSeconds: expect.any(Number),
      apps: 2,
      rooms: 0,
    });
  });

  test('GET /api/ice is an empty list by default and never cached', async () => {
    const res = await get('/api/ice');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ iceServers: [] });
  });

  test('the JSON endpoints allow listed origins only', async () => {
    const allowed = await get('/api/ice', { headers: { Origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    const other = await get('/api/ice', { headers: { Origin: 'http://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('the JSON endpoints refuse a Host the hub does not serve (DNS rebinding)', async () => {
    for (const path of ['/api/ice', '/healthz']) {
      const res = await getWithHost(new URL(path, hub.url).href, `evil.example:${hub.port}`);
      expect(res.status, path).toBe(403);
      expect(JSON.parse(res.body)).toEqual({
        ok: false,
        error: expect.stringContaining('--public-url'),
      });
    }
    const local = await getWithHost(new URL('/healthz', hub.url).href, `localhost:${hub.port}`);
    expect(local.status).toBe(200);
  });

  test('GET / lists the apps, codelab first, and marks unbuilt ones', async () => {
    const res = await get('/');
    const page = await res.text();
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page).toContain('<a class="title" href="/demos/video-room/">Video room</a>');
    expect(page.indexOf('Open the camera')).toBeLessThan(page.indexOf('Video room'));
    expect(page).toContain('not built — run npm run build');
    expect(page).not.toContain('Broken');
  });

  test("serves an app's index.html and assets at its path", async () => {
    const index = await get('/demos/video-room/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toBe(INDEX_HTML);

    const asset = await get('/demos/video-room/assets/app-1234.js?v=1');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(await asset.text()).toBe(APP_JS);
  });

  test('app files carry an ETag and answer 304 when unchanged', async () => {
    const first = await get('/demos/video-room/index.html');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const again = await get('/demos/video-room/index.html', {
      headers: { 'If-None-Match': etag! },
    });
    expect(again.status).toBe(304);
  });

  test('redirects an app path without its trailing slash, keeping the query', async () => {
    const res = await get('/demos/video-room?room=lab', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/demos/video-room/?room=lab');
  });

  test('unknown paths get a 404 page linking home', async () => {
    for (const path of ['/nope', '/demos/video-room/missing.js', '/demos/video-roomx/']) {
      const res = await get(path);
      expect(res.status, path).toBe(404);
      expect(await res.text()).toContain('<a href="/">');
    }
  });

  test('an unbuilt app answers 404 and says how to build it', async () => {
    const res = await get('/codelab/01-camera/');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('Open the camera is not built yet: run npm run build');
  });

  test('only GET and HEAD are served', async () => {
    const res = await get('/healthz', { method: 'POST' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await get('/', { method: 'HEAD' })).status).toBe(200);
  });
});

describe('startHub with TURN', () => {
  test('/api/ice hands out credentials that verify, without revealing the secret', async () => {
    const secret = 'not-for-browsers';
    const turnHub = await startHub({
      port: 0,
      rootDir: repo.rootDir,
      quiet: true,
      ice: { turn: { urls: ['turn:127.0.0.1:3478?transport=udp'], secret, ttlSeconds: 120 } },
    });
    try {
      const body = await (await fetch(new URL('/api/ice', turnHub.url))).text();
      expect(body).not.toContain(secret);
      const { iceServers, ttlSeconds } = JSON.parse(body);
      expect(ttlSeconds).toBe(120);
      const [{ urls, username, credential }] = iceServers;
      expect(urls).toEqual(['turn:127.0.0.1:3478?transport=udp']);
      expect(Number(username.split(':')[0])).toBeGreaterThan(Date.now() / 1000);
      expect(credential).toBe(createHmac('sha1', secret).update(username).digest('base64'));
    } finally {
      await turnHub.close();
    }
  });

  test('each peer gets credentials of its own with its join, and fresh ones on ice', async () => {
    const secret = 'not-for-browsers';
    const turnHub = await startHub({
      port: 0,
      rootDir: repo.rootDir,
      quiet: true,
      ice: { turn: { urls: ['turn:127.0.0.1:3478'], secret } },
    });
    const signaling = new SignalingClient({ url: turnHub.url });
    try {
      const { peerId, ice } = await signaling.join('lab');
      const verifies = ({ username, credential }: RTCIceServer) =>
        credential === createHmac('sha1', secret).update(String(username)).digest('base64');
      expect(JSON.stringify(ice)).not.toContain(secret);
      const [server] = ice!.iceServers;
      expect(server!.username).toMatch(new RegExp(`^\\d+:${peerId}$`));
      expect(verifies(server!)).toBe(true);
      expect(ice!.ttlSeconds).toBe(600);
      const fresh = await signaling.refreshIce();
      expect(fresh.iceServers[0]!.username).toMatch(new RegExp(`:${peerId}$`));
      expect(verifies(fresh.iceServers[0]!)).toBe(true);
    } finally {
      signaling.close();
      await turnHub.close();
    }
  });
});

describe('startHub with a public URL', () => {
  test('answers at that name too, and lists it among its served origins', async () => {
    const proxied = await startHub({
      port: 0,
      rootDir: repo.rootDir,
      quiet: true,
      publicUrl: 'https://peerlab.example.org',
    });
    try {
      expect(proxied.publicUrl).toBe('https://peerlab.example.org');
      expect(proxied.servedOrigins).toContain('https://peerlab.example.org');
      expect(proxied.servedOrigins).toContain(`http://127.0.0.1:${proxied.port}`);
      const ice = new URL('/api/ice', proxied.url).href;
      expect((await getWithHost(ice, 'peerlab.example.org')).status).toBe(200);
      expect((await getWithHost(ice, 'other.example.org')).status).toBe(403);
    } finally {
      await proxied.close();
    }
  });
});

describe('startHub failures', () => {
  test('refuses to start with ICE settings a browser would reject', async () => {
    await expect(
      startHub({
        port: 0,
        rootDir: repo.rootDir,
        ice: { servers: [{ urls: 'stun:x?transport=udp' }] },
      }),
    ).rejects.toThrow(IceConfigError);
  });

  test('refuses a public URL that is not a URL, before listening', async () => {
    await expect(
      startHub({ port: 0, rootDir: repo.rootDir, quiet: true, publicUrl: 'peerlab.example.org' }),
    ).rejects.toThrow('publicUrl "peerlab.example.org" is not a URL');
  });

  test('explains a port that is already in use', async () => {
    await expect(startHub({ port: hub.port, rootDir: repo.rootDir, quiet: true })).rejects.toThrow(
      `Port ${hub.port} on 127.0.0.1 is already in use`,
    );
  });

  test('close() ends open keep-alive connections and can be called twice', async () => {
    const other = await startHub({ port: 0, rootDir: repo.rootDir, quiet: true });
    await fetch(new URL('/healthz', other.url));
    await Promise.all([other.close(), other.close()]);
    expect(other.httpServer.listening).toBe(false);
  });
});
