import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { HubOptions } from '../hub.ts';

const MAIN = join(import.meta.dirname, 'hub-node-main.ts');

/** One hub process, a node of a cluster sharing Redis. */
export interface HubNode {
  url: string;
  port: number;
  /** SIGTERM: the hub closes as on Ctrl+C. SIGKILL: it dies without a word to Redis. */
  stop(signal?: 'SIGTERM' | 'SIGKILL'): Promise<void>;
}

export async function startHubNode(options: HubOptions): Promise<HubNode> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PEERLAB_TEST_HUB: JSON.stringify(options) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening (\S+)/.exec(output);
      if (match) resolve(match[1]!);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.once('exit', (code) => reject(new Error(`The hub exited with ${code}:\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
