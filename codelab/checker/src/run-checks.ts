import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const checkerDir = join(import.meta.dirname, '..');
export const repoRoot = join(checkerDir, '../..');

export interface CheckResult {
  title: string;
  status: 'passed' | 'failed' | 'skipped';
  hint: string;
  /** What went wrong: what was expected and what the page did, one line each. */
  problem?: string;
  /** For a skipped check: the check whose failure it follows from. */
  because?: string;
  /** Playwright traces of the failed check, relative to the repository. */
  traces?: string[];
}

/** The step numbers that have checkpoints (`checks/step-NN.check.ts`). */
export function stepsWithChecks(): number[] {
  return readdirSync(join(checkerDir, 'checks'))
    .map((name) => /^step-(\d+)\.check\.ts$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Which app to check, and how. */
export type CheckTarget = AppTarget | FinishedStepsTarget;

/** One app, for every step's checks. */
export interface AppTarget extends CheckOptions {
  /** The path the hub serves it at: `/codelab/work/`. */
  appPath: string;
  /** Its folder, whose sources the hints quote. */
  appDir: string;
}

/** Each step's checks on that step's finished app, `codelab/step-NN-…` (the self-test). */
export interface FinishedStepsTarget extends CheckOptions {
  finishedSteps: true;
}

interface CheckOptions {
  /** Serve apps from this folder instead of the repository (the broken variants). */
  hubRoot?: string;
  /** Run every check, even those whose needs failed (the self-test on the starter). */
  runAll?: boolean;
  /** The longest any wait of a check may take (see `checks/patience.ts`). */
  patienceMs?: number;
  /** Run only the checks whose title matches. */
  grep?: RegExp;
  /** Playwright workers (default 1: each check already runs browsers with live video). */
  workers?: number;
  /**
   * Where Playwright puts traces (default `test-results`, which each run empties first): two
   * runs at once need one each.
   */
  outputDir?: string;
}

const checkFile = (step: number) => `step-${String(step).padStart(2, '0')}.check.ts`;

/**
 * Runs step `step`'s checkpoints against an app on a fresh hub, in headless Chromium, and
 * returns one result per check (Playwright's JSON report, read back).
 */
export async function runChecks(step: number, target: CheckTarget): Promise<CheckResult[]> {
  return (await runStepsChecks([step], target)).get(step) ?? [];
}

/**
 * Runs the checkpoints of several steps against one app, in one Playwright run (one start-up
 * instead of one per step), and returns each step's results.
 */
export async function runStepsChecks(
  steps: readonly number[],
  target: CheckTarget,
): Promise<Map<number, CheckResult[]>> {
  const files = steps.map((step) => `checks/${checkFile(step)}`);
  const scratch = mkdtempSync(join(tmpdir(), 'peerlab-check-'));
  const grep = target.grep ? ['--grep', target.grep.source] : [];
  const output = target.outputDir ? ['--output', target.outputDir] : [];
  const workers = target.workers ? ['--workers', String(target.workers)] : [];
  const args = ['playwright', 'test', ...files, '--reporter=json', ...grep, ...output, ...workers];
  const child = spawn('npx', args, {
    cwd: checkerDir,
    env: {
      ...process.env,
      ...('finishedSteps' in target
        ? { CHECK_FINISHED_STEPS: '1' }
        : { CHECK_APP_PATH: target.appPath, CHECK_APP_DIR: target.appDir }),
      CHECK_RESULTS_FILE: join(scratch, 'results.json'),
      ...(target.hubRoot && { CHECK_HUB_ROOT: target.hubRoot }),
      ...(target.runAll && { CHECK_RUN_ALL: '1' }),
      ...(target.patienceMs && { CHECK_PATIENCE_MS: String(target.patienceMs) }),
    },
  });
  let json = '';
  let errors = '';
  child.stdout.on('data', (chunk: Buffer) => (json += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
  await new Promise((resolve) => child.on('close', resolve));
  rmSync(scratch, { recursive: true, force: true });
  let report: Suite & { errors?: { message?: string }[] };
  try {
    report = JSON.parse(json) as typeof report;
  } catch {
    throw new Error(`The checks did not run:\n${errors || json}`);
  }
  const byStep = new Map(
    steps.map((step) => {
      const suite = report.suites?.find((s) => s.file?.endsWith(checkFile(step)));
      return [step, suite ? flatten(suite) : []] as const;
    }),
  );
  if ([...byStep.values()].every((results) => results.length === 0)) {
    const why = (report.errors ?? []).map((error) => stripVTControlCharacters(error.message ?? ''));
    throw new Error(`The checks did not run:\n${why.join('\n') || errors}`);
  }
  return byStep;
}

interface Suite {
  /** The spec file, on the suites at the top of the report. */
  file?: string;
  suites?: Suite[];
  specs?: {
    title: string;
    tests: {
      annotations: { type: string; description?: string }[];
      results: {
        status: string;
        error?: { message?: string };
        attachments?: { name: string; path?: string }[];
      }[];
    }[];
  }[];
}

function flatten(suite: Suite): CheckResult[] {
  const own = (suite.specs ?? []).map((spec): CheckResult => {
    const test = spec.tests[0];
    const result = test?.results.at(-1);
    const annotation = (type: string) =>
      test?.annotations.find((a) => a.type === type)?.description;
    const status =
      result?.status === 'passed' ? 'passed' : result?.status === 'skipped' ? 'skipped' : 'failed';
    const { problem, hint } = describeError(result?.error?.message);
    const because = annotation('because');
    const traces = (result?.attachments ?? [])
      .filter((attachment) => attachment.name === 'trace' && attachment.path)
      .map((attachment) => relative(repoRoot, attachment.path!));
    return {
      title: spec.title,
      status,
      hint: hint ?? annotation('hint') ?? '',
      ...(status === 'failed' && problem && { problem }),
      ...(because && { because }),
      ...(status === 'failed' && traces.length > 0 && { traces }),
    };
  });
  return [...own, ...(suite.suites ?? []).flatMap(flatten)];
}

/**
 * A failure in words. A `CheckFailure` already says what was expected and what happened (and
 * maybe a hint for a known mistake); anything else is Playwright's message without its colour
 * codes, call log and source excerpt.
 */
function describeError(message: string | undefined): { problem?: string; hint?: string } {
  if (!message) return {};
  const text = stripVTControlCharacters(message).replace(/^(CheckFailure|Error): /, '');
  const lines = text.split('\n');
  const hint = lines.find((line) => line.startsWith('Hint: '))?.slice('Hint: '.length);
  const end = lines.findIndex((line) => /^\s*(Call log:|at |\d+ \|)/.test(line));
  const problem = lines
    .slice(0, end < 0 ? undefined : end)
    .filter((line) => line.trim() && !line.startsWith('Hint: '))
    .filter((line) => !/^expect\(.*\)\..*\/\/ /.test(line)) // "expect(received).toBe(expected) // Object.is equality"
    .join('\n');
  return { ...(problem && { problem }), ...(hint && { hint }) };
}
