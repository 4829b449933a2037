import type { FileSink } from '../file-sink.ts';
import { MemorySink } from '../memory-sink.ts';
import type { IncomingFile } from '../receiving-file.ts';
import { TransferReceiver } from '../transfer-receiver.ts';
import { TransferSender } from '../transfer-sender.ts';
import type { ChannelPair } from './channel-pair.ts';

/** Answers every offer with `sinkFor` (memory sinks unless told), and keeps the sinks by path. */
export function acceptAll(
  receiver: TransferReceiver,
  sinkFor: (file: IncomingFile) => FileSink | null = (file) => MemorySink.for(file),
): Map<string, FileSink> {
  const sinks = new Map<string, FileSink>();
  receiver.on('offer', (offer) => {
    void offer.answer((file) => {
      const sink = sinkFor(file);
      if (sink) sinks.set(file.path, sink);
      return sink;
    });
  });
  return sinks;
}

/** A sender and a receiver on the two ends of `pair`. */
export function endsOf(
  pair: ChannelPair,
  options: ConstructorParameters<typeof TransferReceiver>[1] = {},
) {
  const sender = new TransferSender(pair.sending, { peerConnection: pair.senderPc });
  const receiver = new TransferReceiver(pair.receiving, options);
  return { sender, receiver };
}

/** The blob a memory sink built. */
export function blobOf(sink: FileSink | undefined): Blob {
  const blob = (sink as MemorySink | undefined)?.blob;
  if (!blob) throw new Error('no blob: the sink was not closed');
  return blob;
}
