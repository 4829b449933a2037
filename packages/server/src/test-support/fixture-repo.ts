import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** An app folder for a fixture repo: its `peerlab` field (or raw package.json text) and files. */
export interface FixtureApp {
  /** `codelab/<folder>` or `demos/<folder>`. */
  id: string;
  /** The `peerlab` field; omit it for a plain workspace package that is not an app. */
  peerlab?: unknown;
  /** Written verbatim instead of a package.json built from `peerlab`. */
  rawPackageJson?: string;
  /** Files under the app folder, such as `dist/index.html`. */
  files?: Record<string, string>;
}

/** A throwaway monorepo in the temp dir; `remove()` deletes it. */
export interface FixtureRepo {
  rootDir: string;
  remove(): void;
}

/** Writes a small PeerLab-shaped repo (root package.json with workspaces, plus apps). */
export function createFixtureRepo(apps: FixtureApp[]): FixtureRepo {
  const rootDir = mkdtempSync(join(tmpdir(), 'peerlab-fixture-'));
  writeFileSync(
    join(rootDir, 'package.json'),
    JSON.stringify({ name: 'fixture', workspaces: ['codelab/*', 'demos/*'] }),
  );
  for (const app of apps) {
    const dir = join(rootDir, app.id);
    mkdirSync(dir, { recursive: true });
    const manifest = {
      name: app.id.replace('/', '-'),
      ...(app.peerlab !== undefined && { peerlab: app.peerlab }),
    };
    writeFileSync(join(dir, 'package.json'), app.rawPackageJson ?? JSON.stringify(manifest));
    for (const [name, content] of Object.entries(app.files ?? {})) {
      mkdirSync(join(dir, name, '..'), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
  }
  return { rootDir, remove: () => rmSync(rootDir, { recursive: true, force: true }) };
}
