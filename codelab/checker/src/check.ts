/**
 * `npm run check -- N`: builds your app in codelab/work, type-checks it, runs step N's
 * checkpoints against it in headless Chromium, and prints each check with what went wrong and
 * a hint. `--app /codelab/step-06-video-call/` checks another app (the finished step, say).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { printResults } from './print-results.ts';
import { repoRoot, runChecks, stepsWithChecks } from './run-checks.ts';
import { typeCheck } from './type-check.ts';

const [stepText, flag, appArg] = process.argv.slice(2);
const steps = stepsWithChecks();
const step = Number(stepText);
if (!stepText || !steps.includes(step)) {
  console.error(`Which step? Run: npm run check -- N, with N one of: ${steps.join(', ')}.`);
  process.exit(2);
}
const appPath = flag === '--app' && appArg ? appArg : '/codelab/work/';
const folder = appPath.split('/').filter(Boolean).at(-1)!;
const appDir = join(repoRoot, 'codelab', folder);

// The hub serves built apps, so build the one under check (turbo skips it when unchanged).
const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', `--filter=./codelab/${folder}`, '--output-logs=errors-only'],
  { cwd: repoRoot, stdio: 'inherit' },
);
if (build.status !== 0) {
  console.error(`\nYour app does not build yet: fix the errors above, then check again.`);
  process.exit(1);
}

console.info(`\nStep ${step} checks on ${appPath}\n`);
const results = [await typeCheck(appDir), ...(await runChecks(step, { appPath, appDir }))];
const passed = printResults(results);
process.exit(passed === results.length ? 0 : 1);
