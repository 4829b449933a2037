import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const checkerDir = join(import.meta.dirname, '..');

export interface CheckResult {
  title: string;
  passed: boolean;
  hint: string;
  /** The first line of what went wrong, when it failed. */
  problem?: string;
}

/** The step numbers that have checkpoints (`checks/step-NN.check.ts`). */
export function stepsWithChecks(): number[] {
  return readdirSync(join(checkerDir, 'checks'))
    .map((name) => /^step-(\d+)\.check\.ts$/.exec(name)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

/**
 * Runs step `step`'s checkpoints against the app at `appPath` on a fresh hub, in headless
 * Chromium, and returns one result per check (Playwright's JSON report, read back).
 */
export async function runChecks(step: number, appPath: string): Promise<CheckResult[]> {
  const file = `checks/step-${String(step).padStart(2, '0')}.check.ts`;
  const child = spawn('npx', ['playwright', 'test', file, '--reporter=json'], {
    cwd: checkerDir,
    env: { ...process.env, CHECK_APP_PATH: appPath },
  });
  let json = '';
  child.stdout.on('data', (chunk: Buffer) => (json += chunk.toString()));
  child.stderr.resume();
  await new Promise((resolve) => child.on('close', resolve));
  return flatten(JSON.parse(json) as Suite);
}

interface Suite {
  suites?: Suite[];
  specs?: {
    title: string;
    ok: boolean;
    tests: {
      annotations: { type: string; description?: string }[];
      results: { error?: { message?: string } }[];
    }[];
  }[];
}

function flatten(suite: Suite): CheckResult[] {
  const own = (suite.specs ?? []).map((spec) => {
    const test = spec.tests[0];
    const hint = test?.annotations.find((a) => a.type === 'hint')?.description ?? '';
    const message = test?.results.at(-1)?.error?.message;
    // Playwright's messages carry colour codes and a call log; the first line says enough.
    const problem = message && stripVTControlCharacters(message).split('\n')[0];
    return { title: spec.title, passed: spec.ok, hint, ...(problem && { problem }) };
  });
  return [...own, ...(suite.suites ?? []).flatMap(flatten)];
}
