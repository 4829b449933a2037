import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, test } from 'vitest';
import { stunBinding } from './stun-binding.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

// The real `peerlab` binary in a child process: tsx registration, flags, output, exit codes.
const BIN = fileURLToPath(new URL('../bin/peerlab.js', import.meta.url));
const children: ChildProcess[] = [];
let repo: FixtureRepo | undefined;

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  repo?.remove();
});

function peerlab(args: string[], env: Record<string, string> = {}) {
  // A clean environment, so a PORT or HOST set on the test machine does not leak in.
  const child = spawn(process.execPath, [BIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  children.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => resolve(code)),
  );
  return { child, output, exited };
}

/** Resolves once everything printed so far matches `pattern`. */
function printed(run: ReturnType<typeof peerlab>, pattern: RegExp): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = run.output.stdout.match(pattern);
      if (match) resolve(match);
    };
    check();
    run.child.stdout?.on('data', check);
    run.child.once('exit', (code) =>
      reject(
        new Error(`peerlab exited (${code}) before printing ${pattern}: ${run.output.stderr}`),
      ),
    );
  });
}

describe('peerlab CLI', () => {
  test('--help prints usage and exits 0', { timeout: 15_000 }, async () => {
    const { output, exited } = peerlab(['--help']);
    expect(await exited).toBe(0);
    expect(output.stdout).toContain('Usage: peerlab serve [options]');
    expect(output.stdout).toContain('--turn-secret');
    expect(output.stdout).toContain('peerlab turn [options]');
    expect(output.stdout).toContain('--public-url URL');
    expect(output.stdout).toMatch(/--room-capacity N +Peers per room .*, 2-64\n/);
  });

  test(
    'a bad flag value is one clear line on stderr and exit code 2',
    { timeout: 15_000 },
    async () => {
      const { output, exited } = peerlab(['serve', '--port', 'eighty']);
      expect(await exited).toBe(2);
      expect(output.stderr).toBe(
        'peerlab serve: --port must be a port number from 0 to 65535; got "eighty".\n',
      );
    },
  );

  test('an unknown command exits 2', { timeout: 15_000 }, async () => {
    const { output, exited } = peerlab(['server']);
    expect(await exited).toBe(2);
    expect(output.stderr).toBe('peerlab: unknown command "server"; run peerlab --help.\n');
  });

  test(
    'serve prints its URLs, answers, and closes cleanly on SIGTERM',
    { timeout: 15_000 },
    async () => {
      repo = createFixtureRepo([
        {
          id: 'demos/video-room',
          peerlab: { title: 'Video room', summary: 'Call.', order: 1 },
          files: { 'dist/index.html': '<!doctype html><title>room</title>' },
        },
      ]);
      // PORT comes from the environment here, to check the fallback end to end.
      const run = peerlab(['serve'], { PORT: '0', PEERLAB_ROOT: repo.rootDir });
      const { child, output, exited } = run;
      await printed(run, /Press Ctrl\+C to stop\./);
      const [, url] = output.stdout.match(/^PeerLab hub: (http:\/\/127\.0\.0\.1:\d+\/)\n/) ?? [];
      expect(url).toBeDefined();
      expect(output.stdout).toContain(`${url}demos/video-room/`);
      const health = await (await fetch(new URL('/healthz', url!))).json();
      expect(health).toMatchObject({ ok: true, apps: 1 });

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(output.stdout).toContain('SIGTERM: closing the hub');
      expect(output.stderr).toBe('');
    },
  );

  test(
    'serve --turn starts coturn beside the hub, hands out credentials for it, and stops it too',
    { timeout: 20_000 },
    async () => {
      const turnPort = await freeUdpPort();
      const run = peerlab(['serve', '--port', '0', '--turn', '--turn-port', String(turnPort)]);
      await printed(run, /TURN: coturn on .*\n/);
      const [, url] =
        run.output.stdout.match(/^PeerLab hub: (http:\/\/127\.0\.0\.1:\d+\/)\n/) ?? [];
      const { iceServers } = (await (await fetch(new URL('/api/ice', url!))).json()) as {
        iceServers: RTCIceServer[];
      };
      expect(iceServers).toEqual([
        {
          urls: [
            `turn:127.0.0.1:${turnPort}?transport=udp`,
            `turn:127.0.0.1:${turnPort}?transport=tcp`,
          ],
          username: expect.stringMatching(/^\d+:peerlab$/),
          credential: expect.any(String),
        },
      ]);
      expect(await stunBinding(turnPort, 2_000)).toMatch(/^127\.0\.0\.1:/);
      run.child.kill('SIGTERM');
      expect(await run.exited).toBe(0);
      expect(await stunBinding(turnPort, 300)).toBeUndefined(); // coturn went with the hub
    },
  );

  test(
    'peerlab turn: a secret file only its owner reads, and the wiring for the hub',
    { timeout: 20_000 },
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'peerlab-turn-'));
      try {
        const port = await freeUdpPort();
        const secretFile = join(dir, 'turn-secret');
        const run = peerlab([
          'turn',
          '--port',
          String(port),
          '--listen',
          '127.0.0.1',
          '--relay-ports',
          '40000-40050',
          '--secret-file',
          secretFile,
        ]);
        await printed(run, /Ctrl\+C stops coturn\./);
        const secret = readFileSync(secretFile, 'utf8').trim();
        expect(secret.length).toBeGreaterThanOrEqual(32);
        expect(statSync(secretFile).mode & 0o777).toBe(0o600);
        expect(run.output.stdout).not.toContain(secret);
        expect(run.output.stdout).toContain(
          `PEERLAB_TURN_URLS="turn:127.0.0.1:${port}?transport=udp,turn:127.0.0.1:${port}?transport=tcp"`,
        );
        expect(run.output.stdout).toContain(`PEERLAB_TURN_SECRET="$(cat ${secretFile})" npm start`);
        expect(run.output.stdout).toContain('Peers: public addresses only');
        expect(await stunBinding(port, 2_000)).toMatch(/^127\.0\.0\.1:/);
        run.child.kill('SIGINT');
        expect(await run.exited).toBe(0);
        expect(await stunBinding(port, 300)).toBeUndefined();
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  test(
    'peerlab turn refuses what coturn could not use, in one line',
    { timeout: 15_000 },
    async () => {
      const run = peerlab(['turn', '--peers', 'everyone']);
      expect(await run.exited).toBe(2);
      expect(run.output.stderr).toBe('peerlab turn: --peers must be public or lan.\n');
    },
  );

  test(
    'serve --turn with --turn-url is a usage error: one coturn or the other',
    { timeout: 15_000 },
    async () => {
      const run = peerlab(['serve', '--turn', '--turn-url', 'turn:t:3478', '--turn-secret', 's']);
      expect(await run.exited).toBe(2);
      expect(run.output.stderr).toContain('--turn starts a coturn of its own');
    },
  );
});

async function freeUdpPort(): Promise<number> {
  const socket = createSocket('udp4').bind(0, '127.0.0.1');
  await once(socket, 'listening');
  const { port } = socket.address();
  socket.close();
  return port;
}
