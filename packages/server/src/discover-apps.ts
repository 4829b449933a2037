import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';

/** Where an app lives: the step-by-step codelab or the finished demos. */
export type AppKind = 'codelab' | 'demo';

/** One app the hub can serve, read from its package.json `peerlab` field. */
export interface AppInfo {
  /** `codelab/<folder>` or `demos/<folder>`. */
  id: string;
  kind: AppKind;
  /** Absolute path of the app's workspace folder. */
  dir: string;
  /** The URL path it is served at, with a trailing slash: `/codelab/<folder>/`. */
  path: string;
  title: string;
  summary: string;
  order: number;
  /** Whether `<dir>/dist/index.html` exists. */
  built: boolean;
}

/** The `peerlab` field that turns a workspace folder into an app. */
export const appManifestSchema = z.object({
  title: z.string().trim().min(1, 'must be a non-empty string'),
  summary: z.string().trim().min(1, 'must be a non-empty string'),
  order: z.number(),
});

const KINDS: { kind: AppKind; folder: string }[] = [
  { kind: 'codelab', folder: 'codelab' },
  { kind: 'demo', folder: 'demos' },
];

/**
 * Lists the apps under `<rootDir>/codelab/*` and `<rootDir>/demos/*`: codelab steps first
 * (by `order`, then folder name), then demos the same way. Folders without a `peerlab` field
 * are not apps and are skipped quietly; a malformed one is skipped with a warning.
 */
export async function discoverApps(
  rootDir: string,
  warn: (message: string) => void = console.warn,
): Promise<AppInfo[]> {
  if (!existsSync(rootDir))
    throw new Error(`Cannot serve apps from ${rootDir}: it does not exist.`);
  const apps: AppInfo[] = [];
  for (const { kind, folder } of KINDS) {
    const found: AppInfo[] = [];
    for (const name of await subfolders(join(rootDir, folder))) {
      const app = await readApp(kind, folder, name, join(rootDir, folder, name), warn);
      if (app) found.push(app);
    }
    found.sort((a, b) => a.order - b.order || compareNames(a.id, b.id));
    apps.push(...found);
  }
  return apps;
}

async function readApp(
  kind: AppKind,
  folder: string,
  name: string,
  dir: string,
  warn: (message: string) => void,
): Promise<AppInfo | undefined> {
  const id = `${folder}/${name}`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    warn(`Skipping ${id}: its package.json cannot be read (${(error as Error).message}).`);
    return undefined;
  }
  if (typeof manifest !== 'object' || manifest === null || !('peerlab' in manifest)) {
    return undefined;
  }
  const parsed = appManifestSchema.safeParse(manifest.peerlab);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `${['peerlab', ...issue.path].join('.')} ${issue.message}`)
      .join('; ');
    warn(`Skipping ${id}: its package.json "peerlab" field is invalid: ${problems}.`);
    return undefined;
  }
  return {
    id,
    kind,
    dir,
    // Folder names are usually URL-safe already; encoding keeps odd ones (spaces) working.
    path: `/${folder}/${encodeURIComponent(name)}/`,
    ...parsed.data,
    built: existsSync(join(dir, 'dist', 'index.html')),
  };
}

async function subfolders(dir: string): Promise<string[]> {
  try {
    const entries = await readdir(dir, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

// Plain code-point order, so the result does not depend on the machine's locale.
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
