import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startHub, type Hub } from './hub.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

// Real hubs on free ports, over fixture repos shaped like a VitePress build in docs/dist/.
const INDEX_HTML =
  '<!doctype html><title>PeerLab</title><script src="/docs/assets/app.js"></script>';
const SERVERS_HTML = '<!doctype html><title>Servers | PeerLab</title>';
const NOT_FOUND_HTML = '<!doctype html><title>404 | PeerLab</title><p>PAGE NOT FOUND</p>';
const VIDEO_ROOM = {
  id: 'demos/video-room',
  peerlab: { title: 'Video room', summary: 'Call.', order: 1 },
  files: { 'dist/index.html': '<!doctype html><title>Video room</title>' },
};

const repos: FixtureRepo[] = [];
const hubs: Hub[] = [];

async function hubWith(docsFiles: Record<string, string> | undefined): Promise<Hub> {
  const docs = docsFiles ? [{ id: 'docs', files: docsFiles }] : [];
  const repo = createFixtureRepo([VIDEO_ROOM, ...docs]);
  repos.push(repo);
  const hub = await startHub({ port: 0, rootDir: repo.rootDir, quiet: true });
  hubs.push(hub);
  return hub;
}

afterAll(async () => {
  await Promise.all(hubs.map((hub) => hub.close()));
  for (const repo of repos) repo.remove();
});

const get = (hub: Hub, path: string, init?: RequestInit) => fetch(new URL(path, hub.url), init);

describe('the hub with built docs', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await hubWith({
      'dist/index.html': INDEX_HTML,
      'dist/servers.html': SERVERS_HTML,
      'dist/codelab/index.html': '<!doctype html><title>Codelab</title>',
      'dist/404.html': NOT_FOUND_HTML,
      'dist/assets/app.js': 'console.info("docs");',
    });
  });

  test('knows the docs are built', () => {
    expect(hub.docs).toEqual({ path: '/docs/', dir: expect.any(String), built: true });
  });

  test('serves the site at /docs/, its clean URLs and its assets', async () => {
    const index = await get(hub, '/docs/');
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toBe(INDEX_HTML);
    expect(await (await get(hub, '/docs/servers')).text()).toBe(SERVERS_HTML);
    expect(await (await get(hub, '/docs/servers.html')).text()).toBe(SERVERS_HTML);
    expect((await get(hub, '/docs/codelab/')).status).toBe(200);
    const asset = await get(hub, '/docs/assets/app.js');
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('etag')).toBeTruthy();
  });

  test('redirects /docs to /docs/, keeping the query', async () => {
    const res = await get(hub, '/docs?q=turn', { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/docs/?q=turn');
  });

  test("answers a missing page with the site's own 404 page", async () => {
    const res = await get(hub, '/docs/no-such-page');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(NOT_FOUND_HTML);
  });

  test('leaves other paths alone', async () => {
    expect((await get(hub, '/docsx')).status).toBe(404);
    expect(await (await get(hub, '/docsx')).text()).not.toContain('PAGE NOT FOUND');
    expect((await get(hub, '/demos/video-room/')).status).toBe(200);
  });

  test('the landing page links the docs', async () => {
    const page = await (await get(hub, '/')).text();
    expect(page).toContain('<a class="title" href="/docs/">Read the docs</a>');
  });
});

describe('the hub without built docs', () => {
  let hub: Hub;
  beforeAll(async () => {
    hub = await hubWith(undefined);
  });

  test('answers /docs/ with a 404 page that says how to build them', async () => {
    expect(hub.docs.built).toBe(false);
    for (const path of ['/docs/', '/docs/servers']) {
      const res = await get(hub, path);
      expect(res.status, path).toBe(404);
      const page = await res.text();
      expect(page).toContain('The PeerLab docs are not built yet: run npm run build');
      expect(page).toContain('<a href="/">');
    }
    const redirect = await get(hub, '/docs', { redirect: 'manual' });
    expect(redirect.headers.get('location')).toBe('/docs/');
  });

  test('the landing page says the docs are not built', async () => {
    const page = await (await get(hub, '/')).text();
    expect(page).not.toContain('href="/docs/"');
    expect(page).toMatch(/Read the docs[\s\S]*not built — run npm run build/);
  });
});

describe('the hub with docs built without a 404 page', () => {
  test("uses the hub's own 404 page", async () => {
    const hub = await hubWith({ 'dist/index.html': INDEX_HTML });
    const res = await get(hub, '/docs/missing');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('<a href="/">');
  });
});
