import { spawn } from 'node:child_process';

/**
 * Holds an flock(1) lock (the machine's "heavy work" lock, shared with builds and tests) until
 * the returned function is called, so a long benchmark takes it round by round instead of for
 * its whole run. Without a path it holds nothing.
 */
export async function holdLock(path: string | undefined): Promise<() => void> {
  if (!path) return () => {};
  const holder = spawn('flock', [path, 'sh', '-c', 'echo held; exec cat >/dev/null'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    holder.stdout.once('data', () => resolve());
    holder.once('exit', (code) => reject(new Error(`flock ${path} exited with ${code}`)));
  });
  return () => holder.stdin.end(); // `cat` ends, and the lock goes with it
}
