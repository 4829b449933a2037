import { spawnSync } from 'node:child_process';
import type { AppInfo } from './discover-apps.ts';
import { UsageError } from './serve-options.ts';

/**
 * The codelab step numbered `n` (its `order`), for `peerlab codelab N`. An unknown number is a
 * UsageError that lists the steps there are.
 */
export function findCodelabStep(apps: readonly AppInfo[], text: string | undefined): AppInfo {
  const steps = apps.filter((app) => app.kind === 'codelab' && app.id !== 'codelab/work');
  const list = steps.map((step) => `${step.order} (${step.title})`).join(', ') || 'none yet';
  if (text === undefined || !/^\d+$/.test(text)) {
    throw new UsageError(`Which step? Run: npm run codelab -- N, with N one of: ${list}.`);
  }
  const step = steps.find((candidate) => candidate.order === Number(text));
  if (!step) throw new UsageError(`There is no codelab step ${text}; the steps are ${list}.`);
  return step;
}

/** Builds one app (and the packages it uses) with turbo, so `peerlab codelab N` serves it fresh. */
export function buildApp(rootDir: string, app: AppInfo): void {
  const result = spawnSync(
    'npx',
    ['turbo', 'run', 'build', `--filter=./${app.id}`, '--output-logs=errors-only'],
    { cwd: rootDir, stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`Building ${app.id} failed (see above).`);
}
