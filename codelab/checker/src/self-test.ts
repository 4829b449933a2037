/**
 * Proves the checkpoints can tell right from wrong. Runs in `npm test` (the e2e stage, after
 * turbo has built the steps and the starter):
 *
 * - every check passes on the finished step;
 * - every check fails on the bare starter in codelab/work, even those a failed check would
 *   skip for a learner;
 * - each broken variant (a finished step with one known mistake put back) fails its check, and
 *   the output names the mistake and its line.
 *
 * `--repeat-each=N` runs it all N times over, as Playwright's flag of that name does for a spec
 * (`npm run e2e:stress` passes it): a check that passes only now and then shows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BROKEN_VARIANTS, type BrokenVariant } from './broken-variants.ts';
import { buildVariant } from './build-variant.ts';
import { printResults } from './print-results.ts';
import {
  repoRoot,
  runChecks,
  runStepsChecks,
  stepsWithChecks,
  type CheckResult,
} from './run-checks.ts';
import { TYPE_CHECK_TITLE, typeCheck } from './type-check.ts';

const codelabDir = join(repoRoot, 'codelab');
const repeatArg = process.argv.slice(2).find((arg) => arg.startsWith('--repeat-each='));
const rounds = repeatArg ? Number(repeatArg.split('=')[1]) : 1;
let checked = 0;
const problems: string[] = [];

function expect(ok: boolean, line: string): void {
  checked++;
  if (!ok) problems.push(line);
  console.info(`${ok ? '✓' : '✗'} ${line}`);
}

const starter = {
  appPath: '/codelab/work/',
  appDir: join(codelabDir, 'work'),
  runAll: true,
  // Nothing on it will ever come: a short wait proves each check fails as well as a long one.
  patienceMs: 1_000,
  // Its checks mostly wait: two at a time cost little CPU and halve the time they take.
  workers: 2,
  // It runs beside the broken variants' runs: traces of its own.
  outputDir: join(tmpdir(), 'peerlab-starter-results'),
};
expect((await typeCheck(starter.appDir)).status === 'passed', 'the starter type-checks');

for (let round = 1; round <= rounds; round++) {
  const steps = stepsWithChecks();
  // Every finished step in one Playwright run: one start-up instead of one per step. They run
  // alone: their live video and timed waits must pass on a busy machine, not on one kept busy
  // by the self-test itself. That they type-check too, `npm run typecheck` proves (the
  // repository's tsconfig.json takes in every step).
  const onFinished = await runStepsChecks(steps, { finishedSteps: true });
  for (const step of steps) {
    for (const result of onFinished.get(step) ?? []) {
      const why = result.problem ? ` — ${result.problem.replace(/\n/g, ' / ')}` : '';
      expect(
        result.status === 'passed',
        `step ${step} finished: ${result.title}${result.status === 'passed' ? '' : why}`,
      );
    }
  }
  // The starter fails every check, mostly by waiting for what never comes: all its steps run
  // in one Playwright run, beside the broken variants' builds and runs.
  const onStarterRun = runStepsChecks(steps, starter);
  const root = mkdtempSync(join(tmpdir(), 'peerlab-variants-'));
  try {
    for (const variant of BROKEN_VARIANTS) await checkVariant(variant, root);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const onStarter = await onStarterRun;
  for (const step of steps) {
    const finished = onFinished.get(step) ?? [];
    const started = onStarter.get(step) ?? [];
    for (const result of started) {
      expect(result.status === 'failed', `step ${step} starter fails: ${result.title}`);
    }
    expect(
      finished.length > 0 && finished.length === started.length,
      `step ${step}: ${finished.length} checks on the finished step, ${started.length} on the starter`,
    );
  }
}

/** Builds the variant, checks it, and expects its check to fail and to name the mistake. */
async function checkVariant(variant: BrokenVariant, root: string): Promise<void> {
  const target = buildVariant(variant, root);
  const result: CheckResult | undefined =
    variant.check === TYPE_CHECK_TITLE
      ? await typeCheck(target.appDir)
      : (
          await runChecks(variant.step, { ...target, grep: new RegExp(escape(variant.check)) })
        ).find((found) => found.title === variant.check);
  const said = result ? `${result.problem ?? ''}\n${result.hint}` : '';
  const missing = variant.says.filter((pattern) => !pattern.test(said));
  expect(
    result?.status === 'failed' && missing.length === 0,
    `${variant.name} fails "${variant.check}"${missing.length ? `, but its output lacks ${missing.join(', ')}` : ''}`,
  );
  // What a learner with this mistake reads:
  if (result) printResults([result]);
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// Repeated at the end, where a log's tail shows it.
for (const line of problems) console.info(`✗ ${line}`);
console.info(`\n${checked - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length === 0 ? 0 : 1);
