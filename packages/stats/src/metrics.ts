import { counterRate, numberField, type StatsFields } from './rates.ts';

/** The four RTP streams of a call, as `${report type minus "-rtp"}-${kind}`. */
export type StreamKind = 'inbound-video' | 'outbound-video' | 'inbound-audio' | 'outbound-audio';

/** Every stream kind, in the order the sampler reads them. */
export const STREAM_KINDS: readonly StreamKind[] = [
  'inbound-video',
  'outbound-video',
  'inbound-audio',
  'outbound-audio',
];

/** One graphable number per sample, named like chrome://webrtc-internals names it. */
export interface MetricDefinition {
  /** The series key, such as `bitsReceivedPerSecond` or `frameWidth`. */
  readonly key: string;
  /** A few words for a graph's title. */
  readonly label: string;
  /** The unit shown after values: `bit/s`, `packets/s`, `fps`, `px`, `s`, or `''` for counts. */
  readonly unit: string;
  /** Computes this sample's value from the stream's previous and current report. */
  readonly read: (before: StatsFields | undefined, after: StatsFields) => number | undefined;
}

/** A per-second rate of the cumulative counter `field`. */
const rate = (key: string, label: string, unit: string, field: string, scale = 1) =>
  ({
    key,
    label,
    unit,
    read: (before, after) => counterRate(before, after, field, scale),
  }) as const satisfies MetricDefinition;

/** A field shown as the browser reports it: a size, a total, a rate it computes itself. */
const reported = (key: string, label: string, unit = '') =>
  ({
    key,
    label,
    unit,
    read: (_before, after) => numberField(after, key),
  }) as const satisfies MetricDefinition;

/**
 * What the sampler computes for each stream kind. `framesRenderedPerSecond` needs a
 * `framesRendered` counter: the sampler takes it from the `<video>` it is given when the
 * browser's stats have none.
 */
export const METRICS: Readonly<Record<StreamKind, readonly MetricDefinition[]>> = {
  'inbound-video': [
    rate('bitsReceivedPerSecond', 'Video received', 'bit/s', 'bytesReceived', 8),
    rate('packetsReceivedPerSecond', 'Video packets received', 'packets/s', 'packetsReceived'),
    reported('packetsLost', 'Video packets lost (total)'),
    reported('firCount', 'FIRs sent (total)'),
    reported('nackCount', 'NACKs sent (total)'),
    reported('pliCount', 'PLIs sent (total)'),
    reported('frameWidth', 'Frame width received', 'px'),
    reported('frameHeight', 'Frame height received', 'px'),
    reported('framesPerSecond', 'Frame rate decoded', 'fps'),
    rate('framesReceivedPerSecond', 'Frames received', 'fps', 'framesReceived'),
    rate('framesDecodedPerSecond', 'Frames decoded', 'fps', 'framesDecoded'),
    rate('framesRenderedPerSecond', 'Frames output', 'fps', 'framesRendered'),
    reported('jitter', 'Video jitter', 's'),
  ],
  'outbound-video': [
    rate('bitsSentPerSecond', 'Video sent', 'bit/s', 'bytesSent', 8),
    rate('packetsSentPerSecond', 'Video packets sent', 'packets/s', 'packetsSent'),
    reported('targetBitrate', 'Encoder target', 'bit/s'),
    reported('frameWidth', 'Frame width sent', 'px'),
    reported('frameHeight', 'Frame height sent', 'px'),
    reported('framesPerSecond', 'Frame rate sent', 'fps'),
    rate('framesEncodedPerSecond', 'Frames encoded', 'fps', 'framesEncoded'),
    reported('nackCount', 'NACKs received (total)'),
    reported('firCount', 'FIRs received (total)'),
    reported('pliCount', 'PLIs received (total)'),
  ],
  'inbound-audio': [
    rate('bitsReceivedPerSecond', 'Audio received', 'bit/s', 'bytesReceived', 8),
    rate('packetsReceivedPerSecond', 'Audio packets received', 'packets/s', 'packetsReceived'),
    reported('packetsLost', 'Audio packets lost (total)'),
    reported('jitter', 'Audio jitter', 's'),
  ],
  'outbound-audio': [
    rate('bitsSentPerSecond', 'Audio sent', 'bit/s', 'bytesSent', 8),
    rate('packetsSentPerSecond', 'Audio packets sent', 'packets/s', 'packetsSent'),
  ],
};

/** The definition of `key` for streams of `kind`, or `undefined` if the sampler has none. */
export function findMetric(kind: StreamKind, key: string): MetricDefinition | undefined {
  return METRICS[kind].find((metric) => metric.key === key);
}
