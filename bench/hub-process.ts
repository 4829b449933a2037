import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(import.meta.dirname, '..', 'packages', 'server', 'bin', 'peerlab.js');

export interface HubProcess {
  url: string;
  pid: number;
  close(): Promise<void>;
}

/**
 * `peerlab serve --port 0` in a process of its own, as a learner runs it. Side-by-side suites
 * use it because their anchor has its own process too: a hub inside the bench would share its
 * event loop with Playwright. `flags` go to `serve` as they are (`--rate-limit`, `--root`…).
 */
export async function startHubProcess(flags: string[] = []): Promise<HubProcess> {
  const args = [CLI, 'serve', '--port', '0', ...flags];
  const hub = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise((resolve) => hub.once('exit', resolve));
  const close = async () => {
    if (hub.exitCode === null) hub.kill('SIGTERM');
    await exited;
  };
  let output = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`The hub printed no URL:\n${output}`)),
        60_000,
      );
      const read = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /http:\/\/127\.0\.0\.1:\d+/.exec(output);
        if (!match) return;
        clearTimeout(timer);
        resolve(`${match[0]}/`);
      };
      hub.stdout.on('data', read);
      hub.stderr.on('data', read);
      hub.once('exit', (code) => reject(new Error(`The hub exited with ${code}:\n${output}`)));
    });
    // Stop reading what it prints, but keep the pipes drained.
    hub.stdout.removeAllListeners('data').resume();
    hub.stderr.removeAllListeners('data').resume();
    return { url, pid: hub.pid!, close };
  } catch (error) {
    await close();
    throw error;
  }
}
