import { execFileSync, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchSuite } from './report.ts';
import { round } from './stats.ts';

const repoRoot = join(import.meta.dirname, '..');

function timed(run: () => void): number {
  const start = performance.now();
  run();
  return (performance.now() - start) / 1000;
}

/** Runs `npm start` in `dir` and resolves with the seconds until `/healthz` answers. */
async function timeStart(dir: string): Promise<number> {
  const start = performance.now();
  const child = spawn('npm', ['start', '--', '--port', '0'], { cwd: dir, detached: true });
  try {
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`npm start printed no URL:\n${output}`)),
        300_000,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(match[0]);
      });
      child.on('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${output}`)));
    });
    const health = await fetch(new URL('/healthz', url));
    if (!health.ok) throw new Error(`/healthz answered ${health.status}`);
    return (performance.now() - start) / 1000;
  } finally {
    process.kill(-child.pid!, 'SIGTERM');
  }
}

/**
 * A fresh clone of the committed tree: `npm ci`, then a cold `npm start` (builds every app),
 * then `turbo run build` again with everything cached.
 */
export async function benchStartup(): Promise<BenchSuite> {
  const dir = await mkdtemp(join(tmpdir(), 'peerlab-clone-'));
  try {
    execFileSync('git', ['clone', '--quiet', repoRoot, dir]);
    const install = timed(() =>
      execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'ignore' }),
    );
    const coldStart = await timeStart(dir);
    const cachedBuild = timed(() =>
      execFileSync('npx', ['turbo', 'run', 'build', '--output-logs=none'], {
        cwd: dir,
        stdio: 'ignore',
      }),
    );
    return {
      name: 'startup',
      title: 'Start-up on a fresh clone',
      rows: [
        { metric: 'npm ci', ours: round(install), unit: 's', note: 'from the local npm cache' },
        {
          metric: 'cold npm start (build all apps, serve)',
          ours: round(coldStart),
          unit: 's',
          goal: { op: '<=', value: 90 },
        },
        {
          metric: 'cached turbo run build',
          ours: round(cachedBuild, 2),
          unit: 's',
          goal: { op: '<=', value: 3 },
        },
      ],
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
