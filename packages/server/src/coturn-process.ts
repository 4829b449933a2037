import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { coturnConfig, type CoturnSettings } from './coturn-config.ts';
import { stunBinding } from './stun-binding.ts';

/** A coturn started by {@link startCoturnProcess}. */
export interface CoturnProcess {
  pid: number;
  /** Its `turnserver.conf`: readable by this user only, since it holds the secret. */
  configFile: string;
  /** The last few KB coturn printed, for error messages. */
  output(): string;
  /** Stops coturn and removes its folder. Safe to call twice. */
  close(): Promise<void>;
}

/** Where to find coturn's server: `TURNSERVER_PATH`, else `turnserver` on the PATH. */
export function turnserverPath(): string {
  return process.env.TURNSERVER_PATH || 'turnserver';
}

/**
 * Starts Debian's coturn (`turnserver -c FILE`) with `coturnConfig(settings)` in a folder of its
 * own (`settings.dir` is filled in), so it needs no root and leaves nothing behind. The
 * secret goes in the file, not on the command line. Resolves once coturn answers a STUN
 * Binding request on its port.
 */
export async function startCoturnProcess(
  settings: Omit<CoturnSettings, 'dir'>,
  { startTimeoutMs = 10_000 } = {},
): Promise<CoturnProcess> {
  const dir = await mkdtemp(join(tmpdir(), 'peerlab-coturn-'));
  const configFile = join(dir, 'turnserver.conf');
  await writeFile(configFile, coturnConfig({ ...settings, dir }), { mode: 0o600 });

  const child = spawn(turnserverPath(), ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4_000));
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  // A process that dies must not leave coturn running.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      process.off('exit', killOnExit);
      const running = child.pid !== undefined && child.exitCode === null && !child.signalCode;
      if (running) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    })());

  try {
    await new Promise((resolve, reject) => child.once('spawn', resolve).once('error', reject));
  } catch (error) {
    await close();
    throw describeSpawnError(error as NodeJS.ErrnoException);
  }

  // Any address it listens on answers; 0.0.0.0 includes loopback.
  const [listening = '127.0.0.1'] = settings.listeningIps;
  const probe = listening === '0.0.0.0' ? '127.0.0.1' : listening;
  const deadline = Date.now() + startTimeoutMs;
  while (!(await stunBinding(settings.port, 200, probe))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await close();
      const why = child.exitCode !== null ? `exited with code ${child.exitCode}` : 'never answered';
      throw new Error(`coturn ${why} on ${probe}:${settings.port}. Its output:\n${output}`);
    }
  }
  return { pid: child.pid!, configFile, output: () => output, close };
}

function describeSpawnError(error: NodeJS.ErrnoException): Error {
  if (error.code !== 'ENOENT') return error;
  return new Error(
    process.env.TURNSERVER_PATH
      ? `TURNSERVER_PATH=${process.env.TURNSERVER_PATH} does not exist.`
      : 'coturn is not installed: apt-get install -y coturn (or set TURNSERVER_PATH to its turnserver).',
  );
}
