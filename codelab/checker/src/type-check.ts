import { spawn } from 'node:child_process';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { repoRoot, type CheckResult } from './run-checks.ts';

export const TYPE_CHECK_TITLE = 'Your code type-checks (tsc)';

/** `src/main.ts(12,5): error TS2304: Cannot find name 'X'.`, as tsc prints it without colours. */
const TSC_ERROR = /^(.+?)\((\d+),(\d+)\): error (TS\d+): (.*)$/;

/** A path tsc printed, relative to the repository when it is inside, else absolute. */
function shown(file: string): string {
  const path = relative(repoRoot, resolve(repoRoot, file));
  return path.startsWith('..') || isAbsolute(path) ? resolve(repoRoot, file) : path;
}

/**
 * Runs `tsc` on the app in `appDir`, as the editor does: a type error the browser would only
 * meet later (a name never defined, say) fails a check of its own, with file and line.
 */
export async function typeCheck(appDir: string): Promise<CheckResult> {
  const child = spawn(
    'npx',
    ['tsc', '-p', join(appDir, 'tsconfig.json'), '--noEmit', '--pretty', 'false'],
    {
      cwd: repoRoot,
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const hint =
    'Fix each error at the line given; your editor shows the same in red. The app may build and even run, but a type error is often a bug that waits for the right moment.';
  if (code === 0) return { title: TYPE_CHECK_TITLE, status: 'passed', hint };
  const errors = output.split('\n').flatMap((line) => {
    const [, file, row, column, code, message] = TSC_ERROR.exec(line.trim()) ?? [];
    return file ? [`${shown(file)}:${row}:${column} ${message} (${code})`] : [];
  });
  const first = errors.slice(0, 10);
  const more = errors.length > first.length ? [`… and ${errors.length - first.length} more`] : [];
  const problem = first.length ? [...first, ...more].join('\n') : output.trim();
  return { title: TYPE_CHECK_TITLE, status: 'failed', hint, problem };
}
