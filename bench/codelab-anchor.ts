import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SuiteSkipped } from './report.ts';

/** Fixed in the codelab's `index.js`. */
export const CODELAB_PORT = 8080;

const HOW_TO_GET_IT =
  'It is the public repository googlecodelabs/webrtc-web, folder step-05, at commit ' +
  'c96ce33e3567b40cd4a5d005186554e33fb8418c: put that folder (unchanged) at ' +
  '../shared/anchors/google-codelab-step-05/ beside the repo, or point PEERLAB_CODELAB_STEP5_DIR at it.';

/** The unchanged 2014 Google codelab, step 5: beside the repo, or where the env var says. */
export function findCodelabAnchor(): string {
  const dir =
    process.env.PEERLAB_CODELAB_STEP5_DIR ??
    join(import.meta.dirname, '..', '..', 'shared', 'anchors', 'google-codelab-step-05');
  if (!existsSync(join(dir, 'index.js'))) {
    throw new SuiteSkipped(`The Google codelab's step 5 is not at ${dir}. ${HOW_TO_GET_IT}`);
  }
  return dir;
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    // No host: all interfaces, as the codelab's `listen(8080)` does.
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
}

export interface CodelabServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Copies the codelab to a temporary folder (it never enters the repo), installs its two
 * dependencies there as its instructions say, and runs `node index.js` on port 8080.
 */
export async function startCodelab(sourceDir: string): Promise<CodelabServer> {
  if (!(await portIsFree(CODELAB_PORT))) {
    throw new SuiteSkipped(
      `Port ${CODELAB_PORT} is in use, and the codelab's index.js listens on ${CODELAB_PORT} ` +
        `(fixed in its code). Stop what uses it (\`ss -ltnp 'sport = :${CODELAB_PORT}'\` shows ` +
        'it), then run this suite again.',
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'peerlab-codelab-step-05-'));
  try {
    await cp(sourceDir, dir, { recursive: true });
    await promisify(execFile)(
      'npm',
      ['i', '--no-save', '--no-audit', '--no-fund', 'socket.io@2', 'node-static@0.7.11'],
      { cwd: dir, timeout: 300_000 },
    );
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw new SuiteSkipped(`Could not install the codelab's dependencies in ${dir}: ${error}`);
  }
  const server = spawn(process.execPath, ['index.js'], { cwd: dir, stdio: 'ignore' });
  const exited = new Promise((resolve) => server.once('exit', resolve));
  const close = async () => {
    server.kill('SIGTERM');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  // The codelab checks `location.hostname !== 'localhost'` to skip a TURN request to the internet.
  const url = `http://localhost:${CODELAB_PORT}/`;
  for (let tries = 0; ; tries++) {
    try {
      if ((await fetch(url)).ok) return { url, close };
    } catch {
      // not listening yet
    }
    if (tries === 100 || server.exitCode !== null) {
      await close();
      throw new Error(`The codelab did not start on ${url}.`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
