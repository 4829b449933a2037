import { waterMarks } from '../../packages/transfer/src/wire-format.ts';
import { connectLink, type PeerLink } from './peer-link.ts';
import type { ReceivedBytes } from './received-bytes.ts';
import type { RunConfig } from './run-config.ts';

/**
 * The ceiling: the file's bytes, already in memory, sent in `chunk`-byte messages with the same
 * backpressure as ours (water marks from wire-format.ts), and only counted on arrival. No
 * protocol, no hashing, no disk.
 */
export async function sendRaw(config: RunConfig, file: File, links: PeerLink[]): Promise<void> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const link = await connectLink(config.run, 'offerer');
  links.push(link);
  const { channel } = link;
  const { high, low } = waterMarks(config.chunk);
  channel.bufferedAmountLowThreshold = low;
  for (let at = 0; at < bytes.byteLength; at += config.chunk) {
    if (channel.bufferedAmount > high) {
      await new Promise((resolve) =>
        channel.addEventListener('bufferedamountlow', resolve, { once: true }),
      );
    }
    channel.send(bytes.subarray(at, at + config.chunk));
  }
}

export async function receiveRaw(
  config: RunConfig,
  tally: ReceivedBytes,
  links: PeerLink[],
): Promise<void> {
  const link = await connectLink(config.run, 'answerer', (channel) => {
    channel.addEventListener('message', ({ data }: MessageEvent<ArrayBuffer>) => tally.take(data));
  });
  links.push(link);
}
