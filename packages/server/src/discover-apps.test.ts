import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { discoverApps } from './discover-apps.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

const built = { 'dist/index.html': '<!doctype html><title>built</title>' };
let repo: FixtureRepo | undefined;
afterEach(() => repo?.remove());

async function discover(apps: Parameters<typeof createFixtureRepo>[0]) {
  repo = createFixtureRepo(apps);
  const warnings: string[] = [];
  const found = await discoverApps(repo.rootDir, (message) => warnings.push(message));
  return { found, warnings, rootDir: repo.rootDir };
}

describe('discoverApps', () => {
  test('reads title, summary, order, path and built state', async () => {
    const { found, rootDir } = await discover([
      {
        id: 'demos/video-room',
        peerlab: { title: 'Video room', summary: 'Call everyone.', order: 60 },
        files: built,
      },
      { id: 'codelab/01-camera', peerlab: { title: 'Camera', summary: 'Open it.', order: 1 } },
    ]);
    expect(found).toEqual([
      {
        id: 'codelab/01-camera',
        kind: 'codelab',
        dir: join(rootDir, 'codelab/01-camera'),
        path: '/codelab/01-camera/',
        title: 'Camera',
        summary: 'Open it.',
        order: 1,
        built: false,
      },
      {
        id: 'demos/video-room',
        kind: 'demo',
        dir: join(rootDir, 'demos/video-room'),
        path: '/demos/video-room/',
        title: 'Video room',
        summary: 'Call everyone.',
        order: 60,
        built: true,
      },
    ]);
  });

  test('sorts codelab steps before demos, each by order then folder name', async () => {
    const app = (order: number) => ({ title: 'T', summary: 'S', order });
    const { found } = await discover([
      { id: 'demos/a-demo', peerlab: app(1) },
      { id: 'codelab/b-step', peerlab: app(2) },
      { id: 'codelab/z-step', peerlab: app(1) },
      { id: 'codelab/a-step', peerlab: app(2) },
      { id: 'demos/b-demo', peerlab: app(0) },
    ]);
    expect(found.map((a) => a.id)).toEqual([
      'codelab/z-step',
      'codelab/a-step',
      'codelab/b-step',
      'demos/b-demo',
      'demos/a-demo',
    ]);
  });

  test('skips a malformed peerlab field with a warning that names the app and the field', async () => {
    const { found, warnings } = await discover([
      { id: 'demos/good', peerlab: { title: 'Good', summary: 'Fine.', order: 1 } },
      { id: 'demos/bad', peerlab: { title: 42, summary: '', order: '3' } },
    ]);
    expect(found.map((a) => a.id)).toEqual(['demos/good']);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      /^Skipping demos\/bad: its package.json "peerlab" field is invalid/,
    );
    expect(warnings[0]).toContain('peerlab.title');
    expect(warnings[0]).toContain('peerlab.summary');
    expect(warnings[0]).toContain('peerlab.order');
  });

  test('skips unreadable package.json with a warning, and non-apps quietly', async () => {
    const { found, warnings } = await discover([
      { id: 'demos/broken', rawPackageJson: '{ not json' },
      { id: 'demos/helper' },
    ]);
    expect(found).toEqual([]);
    expect(warnings).toEqual([
      expect.stringMatching(/^Skipping demos\/broken: its package.json cannot be read/),
    ]);
  });

  test('a missing root folder is an error, not an empty hub', async () => {
    await expect(discoverApps(join(tmpdir(), 'peerlab-does-not-exist'))).rejects.toThrow(
      /peerlab-does-not-exist: it does not exist/,
    );
  });

  test('a repo without codelab or demos folders has no apps', async () => {
    const { found, warnings } = await discover([]);
    expect(found).toEqual([]);
    expect(warnings).toEqual([]);
  });
});
