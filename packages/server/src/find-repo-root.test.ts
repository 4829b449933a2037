import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { findRepoRoot } from './find-repo-root.ts';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('findRepoRoot', () => {
  test('from its own folder it finds this monorepo', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    expect(findRepoRoot()).toBe(resolve(here, '../../..'));
  });

  test('skips package.json files without workspaces on the way up', () => {
    const root = mkdtempSync(join(tmpdir(), 'peerlab-root-'));
    temps.push(root);
    const app = join(root, 'demos', 'app', 'src');
    mkdirSync(app, { recursive: true });
    writeFileSync(join(root, 'package.json'), JSON.stringify({ workspaces: ['demos/*'] }));
    writeFileSync(join(root, 'demos', 'app', 'package.json'), JSON.stringify({ name: 'app' }));
    expect(findRepoRoot(app)).toBe(root);
  });

  test('throws a clear error when there is no workspace root', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'peerlab-lonely-'));
    temps.push(lonely);
    // The temp dir's ancestors (/tmp, /) are not workspace roots on any sane machine.
    expect(() => findRepoRoot(lonely)).toThrow(/No package.json with "workspaces"/);
  });
});
