/**
 * Proves the checkpoints can tell right from wrong: every check passes on the finished step,
 * and fails on the bare starter in codelab/work. Runs in `npm test` (the e2e stage, after
 * turbo has built the steps and the starter).
 *
 * `--repeat-each=N` runs every step's checks N times over, as Playwright's flag of that name
 * does for a spec (`npm run e2e:stress` passes it): a check that passes only now and then shows.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks, stepsWithChecks } from './run-checks.ts';

const codelabDir = join(import.meta.dirname, '../..');
const folders = readdirSync(codelabDir);
const repeatArg = process.argv.slice(2).find((arg) => arg.startsWith('--repeat-each='));
const rounds = repeatArg ? Number(repeatArg.split('=')[1]) : 1;
let problems = 0;
let checked = 0;

for (const step of Array<number[]>(rounds).fill(stepsWithChecks()).flat()) {
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
