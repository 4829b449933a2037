// #region types
import { chunkRanges, chunkSizeFor, HIGH_WATER_MARK, LOW_WATER_MARK } from './chunks.ts';
import { MAX_PHOTO_BYTES, readAck, sha256Hex, type PhotoHeader } from './photo-header.ts';

/** A snapped photo: the encoded bytes and the size of the picture in them. */
export interface Photo {
  name: string;
  blob: Blob;
  width: number;
  height: number;
}

/** How a send went, for the page and for DevTools: the chunking and the backpressure. */
export interface SendReport {
  header: PhotoHeader;
  chunkSize: number;
  chunks: number;
  /** The most that ever waited in the channel's buffer: never above HIGH_WATER_MARK. */
  maxBuffered: number;
  /** How many times the sender stopped to let the buffer drain. */
  pauses: number;
  verified: boolean;
}

/** Thrown before anything is sent when a photo is over MAX_PHOTO_BYTES. */
export class PhotoTooLargeError extends RangeError {
  override name = 'PhotoTooLargeError';
}

export interface SendOptions {
  /** `pc.sctp?.maxMessageSize`: the largest message the other side accepts. */
  maxMessageSize: number | undefined;
  /** Stops the send (the peer left): the promise rejects. */
  signal: AbortSignal;
  /** Called after each chunk with the bytes handed to the channel so far. */
  onProgress: (sentBytes: number) => void;
}

// #endregion types

// #region send-photo
/**
 * Sends `photo` over `channel`: a JSON header, then binary chunks, never letting more than
 * HIGH_WATER_MARK bytes wait in the channel's buffer. Resolves with the receiver's verdict.
 */
export async function sendPhoto(
  channel: RTCDataChannel,
  photo: Photo,
  { maxMessageSize, signal, onProgress }: SendOptions,
): Promise<SendReport> {
  if (photo.blob.size > MAX_PHOTO_BYTES) {
    throw new PhotoTooLargeError(
      `The photo is ${photo.blob.size} bytes (limit ${MAX_PHOTO_BYTES}).`,
    );
  }
  const bytes = new Uint8Array(await photo.blob.arrayBuffer());
  const header: PhotoHeader = {
    kind: 'photo',
    name: photo.name,
    type: photo.blob.type as PhotoHeader['type'],
    size: bytes.byteLength,
    width: photo.width,
    height: photo.height,
    sha256: await sha256Hex(bytes),
  };
  const chunkSize = chunkSizeFor(maxMessageSize);
  const report = { header, chunkSize, chunks: 0, maxBuffered: 0, pauses: 0, verified: false };

  channel.bufferedAmountLowThreshold = LOW_WATER_MARK;
  channel.send(JSON.stringify(header));
  for (const [start, end] of chunkRanges(bytes.byteLength, chunkSize)) {
    if (channel.bufferedAmount + (end - start) > HIGH_WATER_MARK) {
      report.pauses += 1;
      await nextEvent(channel, 'bufferedamountlow', signal); // backpressure: let it drain
    }
    channel.send(bytes.subarray(start, end));
    report.chunks += 1;
    report.maxBuffered = Math.max(report.maxBuffered, channel.bufferedAmount);
    onProgress(end);
  }
  // No `await` since the last chunk, so the ack can't have come yet: listen for it now.
  const ack = await nextEvent<MessageEvent>(
    channel,
    'message',
    signal,
    ({ data }) => readAck(data)?.sha256 === header.sha256,
  );
  report.verified = readAck(ack.data)!.verified;
  return report;
}
// #endregion send-photo

// #region next-event
/**
 * The next `type` event of `channel` that `accept`s. Rejects if the channel closes or `signal`
 * aborts first (the peer left): otherwise a send to a gone peer would wait forever.
 */
function nextEvent<E extends Event = Event>(
  channel: RTCDataChannel,
  type: string,
  outer: AbortSignal,
  accept: (event: E) => boolean = () => true,
): Promise<E> {
  const done = new AbortController();
  const signal = AbortSignal.any([outer, done.signal]); // removes every listener below at once
  return new Promise<E>((resolve, reject) => {
    const fail = () => reject(new Error('The channel closed before the photo was delivered.'));
    if (outer.aborted || channel.readyState !== 'open') return fail();
    const onEvent = (event: Event) => {
      if (accept(event as E)) resolve(event as E);
    };
    channel.addEventListener(type, onEvent, { signal });
    channel.addEventListener('close', fail, { signal });
    outer.addEventListener('abort', fail, { signal: done.signal });
  }).finally(() => done.abort());
}
// #endregion next-event
