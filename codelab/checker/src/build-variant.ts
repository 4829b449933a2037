import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { BrokenVariant } from './broken-variants.ts';
import { repoRoot, type AppTarget } from './run-checks.ts';

/** Not copied from the finished step: its build, its tests and what they leave behind. */
const LEFT_OUT = /^(dist|e2e|node_modules|test-results|playwright-report)(\/|$)/;

/**
 * Builds `variant` in `<root>/codelab/<name>/`: a copy of its finished step with the mistake
 * made, linked to the repository's packages. A hub rooted at `root` serves it.
 */
export function buildVariant(variant: BrokenVariant, root: string): AppTarget {
  const from = join(repoRoot, 'codelab', variant.from);
  const dir = join(root, 'codelab', variant.name);
  cpSync(from, dir, { recursive: true, filter: (path) => !LEFT_OUT.test(relative(from, path)) });
  // Outside the repository: the packages come from its node_modules, the settings from its base.
  symlinkSync(join(repoRoot, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: relative(dir, join(repoRoot, 'tsconfig.base.json')),
      compilerOptions: { types: ['vite/client'] },
      include: ['src'],
    }),
  );
  const file = join(dir, variant.file);
  const source = readFileSync(file, 'utf8');
  const broken = variant.breaks(source);
  if (broken === source) {
    throw new Error(`${variant.name}: ${variant.file} no longer has the code it breaks.`);
  }
  writeFileSync(file, broken);
  const build = spawnSync('npx', ['vite', 'build', '--configLoader', 'runner'], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`${variant.name} does not build:\n${build.stderr}`);
  return { appPath: `/codelab/${variant.name}/`, appDir: dir, hubRoot: root };
}
