import { Peer, type DataConnection } from 'peerjs';
import { fileChunks } from './file-chunks.ts';
import type { ReceivedBytes } from './received-bytes.ts';
import type { RunConfig } from './run-config.ts';
import { nextSignal, signal } from './signal-relay.ts';

const peers: Peer[] = [];

/** A PeerJS peer registered with the benchmark's PeerServer (the `peer` package). */
function openPeer(config: RunConfig, id: string): Promise<Peer> {
  const peer = new Peer(id, {
    ...config.peerServer!,
    secure: false,
    config: { iceServers: [] }, // its default STUN is off-machine
  });
  peers.push(peer);
  return new Promise((resolve, reject) => {
    peer.on('open', () => resolve(peer));
    peer.on('error', reject);
  });
}

const ids = (run: string) => ({ sender: `tx-${run}`, receiver: `rx-${run}` });

/**
 * Best configuration: `raw` serialization, the file in `chunk`-byte ArrayBuffers, every one
 * handed to `send()` (PeerJS queues them and polls `bufferedAmount` itself). As its docs show:
 * the default (`binary`) serialization and `conn.send(file)` with the File itself.
 */
export async function sendPeerJs(config: RunConfig, file: File): Promise<void> {
  const peer = await openPeer(config, ids(config.run).sender);
  await nextSignal(config.run, (data) => data === 'peerjs-ready');
  const docs = config.contender === 'peerjs-docs';
  const conn = peer.connect(ids(config.run).receiver, {
    reliable: true,
    serialization: docs ? 'binary' : 'raw',
  });
  await new Promise<void>((resolve, reject) => {
    conn.on('open', resolve);
    conn.on('error', reject);
  });
  if (docs) {
    await conn.send(file);
    return;
  }
  for await (const chunk of fileChunks(file, config.chunk)) {
    // `slice`: a view's whole buffer would be sent otherwise.
    await conn.send(chunk.slice().buffer);
  }
}

export async function receivePeerJs(config: RunConfig, tally: ReceivedBytes): Promise<void> {
  const peer = await openPeer(config, ids(config.run).receiver);
  peer.on('connection', (conn: DataConnection) => {
    conn.on('open', () => {
      // The clock starts at the first message, even where PeerJS hands over only the whole file.
      conn.dataChannel.addEventListener('message', () => tally.started(), { once: true });
    });
    conn.on('data', (data) => tally.take(data as ArrayBuffer));
    conn.on('error', (error) => tally.fail(String(error)));
  });
  signal(config.run, 'peerjs-ready');
}

export function closePeerJsPeers(): void {
  for (const peer of peers.splice(0)) peer.destroy();
}
