/**
 * `npm run e2e:stress`: every workspace's `e2e` script, each test five times over, while a CPU
 * burner keeps every core busy. A test that samples a moment (a beep, a bitrate, a frame size)
 * or assumes how long something takes fails here long before it fails on someone's laptop.
 *
 *   npm run e2e:stress                        every workspace with an `e2e` script
 *   npm run e2e:stress -- step-08 checker     only the workspaces whose folder names these
 *   npm run e2e:stress -- --repeat-each=2     another count
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCpuBurner } from './cpu-burner.ts';

const root = join(import.meta.dirname, '../../..');
const args = process.argv.slice(2);
const repeatArg = args.find((arg) => arg.startsWith('--repeat-each='));
const repeatEach = repeatArg ? Number(repeatArg.split('=')[1]) : 5;
const filters = args.filter((arg) => !arg.startsWith('--'));

interface Workspace {
  dir: string;
  /** The `e2e` script runs Playwright (else it is the checker's self-test). */
  playwright: boolean;
}

/** The workspaces of the root package.json that have an `e2e` script, in its order. */
function e2eWorkspaces(): Workspace[] {
  const { workspaces } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    workspaces: string[];
  };
  const dirs = workspaces.flatMap((pattern) =>
    pattern.endsWith('/*')
      ? readdirSync(join(root, pattern.slice(0, -2)))
          .sort()
          .map((name) => `${pattern.slice(0, -2)}/${name}`)
      : [pattern],
  );
  return dirs.flatMap((dir) => {
    const file = join(root, dir, 'package.json');
    if (!existsSync(file)) return [];
    const e2e = (JSON.parse(readFileSync(file, 'utf8')) as { scripts?: { e2e?: string } }).scripts
      ?.e2e;
    return e2e ? [{ dir, playwright: e2e.startsWith('playwright test') }] : [];
  });
}

interface Counts {
  passed: number;
  total: number;
}

/** Playwright's JSON report, as far as the counts go. */
function countsFromReport(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const { stats } = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  };
  const total = stats.expected + stats.unexpected + stats.flaky + stats.skipped;
  return { passed: stats.expected, total };
}

/** The self-test's last line: `N passed, M failed`. */
function countsFromOutput(output: string): Counts | undefined {
  const match = [...output.matchAll(/^(\d+) passed, (\d+) failed$/gm)].at(-1);
  return match && { passed: Number(match[1]), total: Number(match[1]) + Number(match[2]) };
}

let current: ReturnType<typeof spawn> | undefined;

/** Runs one workspace's `e2e` script with `--repeat-each`, echoing its output, and counts. */
function runWorkspace(workspace: Workspace, reportDir: string): Promise<Counts | undefined> {
  const report = join(reportDir, `${workspace.dir.replaceAll('/', '-')}.json`);
  const extra = workspace.playwright ? ['--reporter=list,json'] : [];
  const child = spawn(
    'npm',
    ['run', 'e2e', `--workspace=${workspace.dir}`, '--', `--repeat-each=${repeatEach}`, ...extra],
    {
      cwd: root,
      stdio: ['inherit', 'pipe', 'inherit'],
      // Only Playwright's own runs get the report file: the checker reads its JSON from stdout.
      env: workspace.playwright
        ? { ...process.env, PLAYWRIGHT_JSON_OUTPUT_FILE: report }
        : process.env,
    },
  );
  current = child;
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    process.stdout.write(chunk);
  });
  return new Promise((resolve) =>
    child.on('close', () => {
      current = undefined;
      resolve(workspace.playwright ? countsFromReport(report) : countsFromOutput(output));
    }),
  );
}

const workspaces = e2eWorkspaces().filter(
  ({ dir }) => filters.length === 0 || filters.some((filter) => dir.includes(filter)),
);
if (workspaces.length === 0) {
  console.error(`No workspace with an e2e script matches ${filters.join(', ')}.`);
  process.exit(2);
}

// The hub serves built apps: build first, on an idle machine (turbo skips what is unchanged).
const build = spawnSync('npx', ['turbo', 'run', 'build', '--output-logs=errors-only'], {
  cwd: root,
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const results: { dir: string; counts: Counts | undefined }[] = [];
const reportDir = mkdtempSync(join(tmpdir(), 'peerlab-stress-'));
const stopBurner = startCpuBurner();
let interrupted = false;

/** One line per workspace: passed/total, or why there is no count. */
function printSummary(): void {
  console.info(`\nStress run (--repeat-each=${repeatEach}, every core busy):`);
  for (const { dir, counts } of results) {
    const text = counts ? `${counts.passed}/${counts.total}` : 'no result (it crashed?)';
    const ok = counts !== undefined && counts.passed === counts.total;
    console.info(`${ok ? '✓' : '✗'} ${dir}: ${text}`);
  }
}

// Ctrl+C: stop the run in progress and the burner, and still say what ran.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130); // a second Ctrl+C: leave at once
    interrupted = true;
    console.error(`\n${signal}: stopping…`);
    current?.kill(signal);
  });
}

try {
  for (const workspace of workspaces) {
    if (interrupted) break;
    console.info(`\n── ${workspace.dir} ──`);
    results.push({ dir: workspace.dir, counts: await runWorkspace(workspace, reportDir) });
  }
} finally {
  await stopBurner();
  rmSync(reportDir, { recursive: true, force: true });
}
printSummary();
const allPassed = results.every(({ counts }) => counts && counts.passed === counts.total);
process.exit(interrupted ? 130 : allPassed && results.length === workspaces.length ? 0 : 1);
