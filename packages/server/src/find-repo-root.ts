import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the PeerLab monorepo root: the nearest folder at or above `startDir` whose
 * package.json declares `workspaces`. Throws if there is none.
 */
export function findRepoRoot(startDir: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = startDir;
  for (;;) {
    if (declaresWorkspaces(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(
        `No package.json with "workspaces" found at or above ${startDir}; pass rootDir to say where the PeerLab repo is.`,
      );
    }
    dir = parent;
  }
}

function declaresWorkspaces(packageJsonPath: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(packageJsonPath, 'utf8'));
    return typeof manifest === 'object' && manifest !== null && 'workspaces' in manifest;
  } catch {
    // Missing or unreadable: not the root, keep walking up.
    return false;
  }
}
