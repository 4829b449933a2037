/**
 * Proves the checkpoints can tell right from wrong: every check passes on the finished step,
 * and fails on the bare starter in codelab/work. Runs in `npm test` (the e2e stage, after
 * turbo has built the steps and the starter).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks, stepsWithChecks } from './run-checks.ts';

const codelabDir = join(import.meta.dirname, '../..');
const folders = readdirSync(codelabDir);
let problems = 0;
let checked = 0;

for (const step of stepsWithChecks()) {
  const folder = folders.find((name) => name.startsWith(`step-${String(step).padStart(2, '0')}-`));
  if (!folder)
    throw new Error(`There are checks for step ${step} but no codelab/step-${step}-… app.`);
  const onFinished = await runChecks(step, `/codelab/${folder}/`);
  const onStarter = await runChecks(step, '/codelab/work/');
  for (const result of onFinished) {
    checked++;
    const ok = result.passed;
    if (!ok) problems++;
    console.info(
      `${ok ? '✓' : '✗'} step ${step} finished: ${result.title}${ok ? '' : ` — ${result.problem}`}`,
    );
  }
  for (const result of onStarter) {
    checked++;
    const ok = !result.passed;
    if (!ok) problems++;
    console.info(`${ok ? '✓' : '✗'} step ${step} starter fails: ${result.title}`);
  }
  if (onFinished.length === 0 || onFinished.length !== onStarter.length) {
    problems++;
    console.info(
      `✗ step ${step}: the checks did not run (${onFinished.length} vs ${onStarter.length})`,
    );
  }
}
console.info(`\n${checked - problems} passed, ${problems} failed`);
process.exit(problems === 0 ? 0 : 1);
