import type { RunConfig } from './run-config.ts';
import { fileChunks } from './file-chunks.ts';
import type { ReceivedBytes } from './received-bytes.ts';
import { onSignal, signal } from './signal-relay.ts';

/** The little of simple-peer 9 used here; the page loads its own browser build (`simplepeer.min.js`). */
interface SimplePeer {
  on(event: 'signal', listener: (data: unknown) => void): void;
  on(event: 'data', listener: (data: Uint8Array) => void): void;
  on(event: 'connect' | 'drain' | 'close', listener: () => void): void;
  on(event: 'error', listener: (error: Error) => void): void;
  once(event: string, listener: (...args: unknown[]) => void): void;
  signal(data: unknown): void;
  write(chunk: Uint8Array): boolean;
  destroy(): void;
}
type SimplePeerClass = new (options: object) => SimplePeer;

const peers: SimplePeer[] = [];

function makePeer(
  config: RunConfig,
  initiator: boolean,
  setUp: (peer: SimplePeer) => void = () => {},
): Promise<SimplePeer> {
  const Peer = (window as unknown as { SimplePeer: SimplePeerClass }).SimplePeer;
  const peer = new Peer({ initiator, config: { iceServers: [] } }); // its default STUN is off-machine
  peers.push(peer);
  setUp(peer);
  peer.on('signal', (data) => signal(config.run, data));
  onSignal(config.run, (data) => peer.signal(data));
  return new Promise((resolve, reject) => {
    peer.on('connect', () => resolve(peer));
    peer.on('error', reject);
  });
}

/** Writes each piece as a stream would be piped in: wait for `drain` when `write` says so. */
async function writeAll(peer: SimplePeer, pieces: AsyncIterable<Uint8Array>): Promise<void> {
  const failed = new Promise<never>((_, reject) => peer.on('error', reject));
  failed.catch(() => {});
  for await (const piece of pieces) {
    if (!peer.write(piece)) await Promise.race([failed, new Promise((r) => peer.once('drain', r))]);
  }
}

/**
 * Best configuration: `chunk`-byte slices of the file, `write` + `drain` (simple-peer's own
 * backpressure). As its docs show: the File's `stream()` piped in, pieces as the browser cuts them.
 */
export async function sendSimplePeer(config: RunConfig, file: File): Promise<void> {
  const peer = await makePeer(config, true);
  const pieces =
    config.contender === 'simple-peer-docs'
      ? (file.stream() as unknown as AsyncIterable<Uint8Array>)
      : fileChunks(file, config.chunk);
  await writeAll(peer, pieces);
}

export async function receiveSimplePeer(config: RunConfig, tally: ReceivedBytes): Promise<void> {
  await makePeer(config, false, (peer) => peer.on('data', (data) => tally.take(data)));
}

export function closeSimplePeers(): void {
  for (const peer of peers.splice(0)) peer.destroy();
}
