import { TransferReceiver, TransferSender } from '../../packages/transfer/src/index.ts';
import { openBenchSink } from './bench-sink.ts';
import { connectLink, type PeerLink } from './peer-link.ts';
import type { RunConfig, RunResult } from './run-config.ts';

/** Ours, as the file-sharing demo uses it: offer the picked File, nothing else. */
export async function sendOurs(config: RunConfig, file: File, links: PeerLink[]) {
  const link = await connectLink(config.run, 'offerer');
  links.push(link);
  const sender = new TransferSender(link.channel, { peerConnection: link.pc });
  const { files } = await sender.offer([file]).done;
  const result = files[0]!;
  if (result.outcome !== 'complete') throw new Error(`${result.outcome}: ${result.error?.message}`);
}

/**
 * Accepts the offer into the benchmark's disk sink. The clock runs from the accept to the
 * `file` event of a complete file: every range and the whole file verified, the sink closed.
 */
export async function receiveOurs(config: RunConfig, links: PeerLink[]): Promise<RunResult> {
  const sink = await openBenchSink();
  let receiver!: TransferReceiver;
  const link = await connectLink(config.run, 'answerer', (channel) => {
    receiver = new TransferReceiver(channel);
  });
  links.push(link);
  let accepted = 0;
  receiver.on('offer', (offer) => {
    accepted = performance.now();
    void offer.answer((file) => sink.sinkFor(file));
  });
  const result = await new Promise<RunResult>((resolve) => {
    receiver.on('file', ({ outcome, error, path }) => {
      const ms = performance.now() - accepted;
      if (outcome !== 'complete') resolve({ ms, bytes: 0, error: `${outcome}: ${error?.message}` });
      else void sink.writtenSize(path).then((bytes) => resolve({ ms, bytes }));
    });
  });
  await sink.clear(); // the next run needs the quota
  return result;
}
