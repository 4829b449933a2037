/**
 * `npm run check -- N`: builds your app in codelab/work, runs step N's checkpoints against it in
 * headless Chromium, and prints each check with a hint for what to do when it fails.
 * `--app /codelab/step-06-video-call/` checks another app (the finished step, say).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runChecks, stepsWithChecks } from './run-checks.ts';

const [stepText, flag, appArg] = process.argv.slice(2);
const steps = stepsWithChecks();
const step = Number(stepText);
if (!stepText || !steps.includes(step)) {
  console.error(`Which step? Run: npm run check -- N, with N one of: ${steps.join(', ')}.`);
  process.exit(2);
}
const appPath = flag === '--app' && appArg ? appArg : '/codelab/work/';
const workspace = `./codelab/${appPath.split('/').filter(Boolean).at(-1)}`;

// The hub serves built apps, so build the one under check (turbo skips it when unchanged).
const build = spawnSync(
  'npx',
  ['turbo', 'run', 'build', `--filter=${workspace}`, '--output-logs=errors-only'],
  {
    cwd: join(import.meta.dirname, '../../..'),
    stdio: 'inherit',
  },
);
if (build.status !== 0) {
  console.error(`\nYour app does not build yet: fix the errors above, then check again.`);
  process.exit(1);
}

console.info(`\nStep ${step} checks on ${appPath}\n`);
const results = await runChecks(step, appPath);
for (const result of results) {
  console.info(`${result.passed ? '✓' : '✗'} ${result.title}`);
  if (!result.passed) {
    if (result.problem) console.info(`    What happened: ${result.problem}`);
    console.info(`    Hint: ${result.hint}`);
  }
}
const passed = results.filter((result) => result.passed).length;
console.info(`\n${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length && results.length > 0 ? 0 : 1);
