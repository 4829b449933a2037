import { spawn } from 'node:child_process';
import { expect, test } from 'vitest';

// In a child process: an unhandled rejection in the test runner itself would fail the run.
test('stray errors are logged and the process keeps running', { timeout: 15_000 }, async () => {
  const module = new URL('./stray-errors.ts', import.meta.url).href;
  const script = `
    const { logStrayErrors } = await import(${JSON.stringify(module)});
    logStrayErrors((line) => console.error(line));
    Promise.reject(new Error('nobody waits for me'));
    setTimeout(() => { throw new Error('thrown from a timer'); });
    setTimeout(() => console.info('still running'), 50);
  `;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
  const code = await new Promise((resolve) => child.once('exit', resolve));
  expect(stderr).toContain(
    'peerlab: a promise was rejected and nothing handled it, the hub keeps running: Error: nobody waits for me',
  );
  expect(stderr).toContain(
    'peerlab: an error was thrown and nothing caught it, the hub keeps running: Error: thrown from a timer',
  );
  expect(stdout).toBe('still running\n');
  expect(code).toBe(0);
});
