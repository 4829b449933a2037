/**
 * The benchmark's page: both browsers load it, one sends and one receives. The benchmark calls
 * `window.bench` through Playwright; the file to send comes from the page's `<input type=file>`.
 */
import { receivePeerJs, sendPeerJs, closePeerJsPeers } from './peerjs-runs.ts';
import type { PeerLink } from './peer-link.ts';
import { receiveRaw, sendRaw } from './raw-channel.ts';
import { ReceivedBytes } from './received-bytes.ts';
import type { RunConfig, RunResult } from './run-config.ts';
import { receiveOurs, sendOurs } from './ours.ts';
import { closeSimplePeers, receiveSimplePeer, sendSimplePeer } from './simple-peer-runs.ts';

const links: PeerLink[] = [];
let current: ReceivedBytes | undefined;
let abortOurs: ((error: string) => void) | undefined;

function picked(): File {
  const file = document.querySelector<HTMLInputElement>('#file')?.files?.[0];
  if (!file) throw new Error('no file picked');
  return file;
}

async function send(config: RunConfig): Promise<{ error?: string }> {
  const file = picked();
  try {
    if (config.contender === 'raw') await sendRaw(config, file, links);
    else if (config.contender === 'ours') await sendOurs(config, file, links);
    else if (config.contender.startsWith('simple-peer')) await sendSimplePeer(config, file);
    else await sendPeerJs(config, file);
    return {};
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

async function receive(config: RunConfig): Promise<RunResult> {
  if (config.contender === 'ours') {
    const aborted = new Promise<RunResult>((resolve) => {
      abortOurs = (error) => resolve({ ms: 0, bytes: 0, error });
    });
    return Promise.race([receiveOurs(config, links), aborted]);
  }
  const tally = (current = new ReceivedBytes(config.size, config.keep));
  if (config.contender === 'raw') await receiveRaw(config, tally, links);
  else if (config.contender.startsWith('simple-peer')) await receiveSimplePeer(config, tally);
  else await receivePeerJs(config, tally);
  return tally.done;
}

/** The sender failed: the receiver's run ends with its error. */
function abort(error: string): void {
  current?.fail(error);
  abortOurs?.(error);
}

function closeAll(): void {
  for (const { pc } of links.splice(0)) pc.close();
  closeSimplePeers();
  closePeerJsPeers();
  current = abortOurs = undefined;
}

Object.assign(window, { bench: { send, receive, abort, closeAll } });
