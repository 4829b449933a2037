// #region metrics
/** What the graphs show, named as chrome://webrtc-internals names them. */
export const METRIC_NAMES = [
  'bitsReceivedPerSecond',
  'packetsReceivedPerSecond',
  'packetsLost',
  'firCount',
  'nackCount',
  'frameWidth',
  'frameHeight',
  'framesReceivedPerSecond',
  'framesPerSecond',
  'framesOutputPerSecond',
  'bitsSentPerSecond',
  'packetsSentPerSecond',
] as const;
export type MetricName = (typeof METRIC_NAMES)[number];

/** One second of the call: a value per metric (none when a stream is missing). */
export type Metrics = Partial<Record<MetricName, number>>;
// #endregion metrics

// #region reading
/** What the page reads each second. */
export interface Reading {
  /** The video arriving from the other peer. */
  inbound?: RTCInboundRtpStreamStats;
  /** The video leaving for the other peer. */
  outbound?: RTCOutboundRtpStreamStats;
  /** Frames the remote <video> has shown so far, and when (performance.now()). */
  shown: { frames: number; at: number };
}

/** Reads the connection's video reports, and what the remote <video> has shown. */
export async function takeReading(
  pc: RTCPeerConnection,
  video: HTMLVideoElement,
): Promise<Reading> {
  const quality = video.getVideoPlaybackQuality();
  const shown = {
    frames: quality.totalVideoFrames - quality.droppedVideoFrames,
    at: performance.now(),
  };
  const reading: Reading = { shown };
  // One call, every report of the connection: candidates, transports, codecs, RTP streams…
  const report = await pc.getStats();
  report.forEach((stats: RTCStats & { kind?: string }) => {
    if (stats.kind !== 'video') return;
    if (stats.type === 'inbound-rtp') reading.inbound = stats as RTCInboundRtpStreamStats;
    if (stats.type === 'outbound-rtp') reading.outbound = stats as RTCOutboundRtpStreamStats;
  });
  return reading;
}
// #endregion reading

// #region rates
/** How much the counter `field` grew per second from report `then` to report `now`. */
function perSecond<T extends RTCStats>(then: T, now: T, field: keyof T): number {
  const seconds = (now.timestamp - then.timestamp) / 1000; // timestamps are in ms
  return (Number(now[field] ?? 0) - Number(then[field] ?? 0)) / seconds; // missing: 0
}

/**
 * The metrics for the second between two readings. Counters (bytes, packets, frames) only ever
 * grow, so a rate is their growth divided by the time between the two reports. Sizes, totals
 * and the browser's own frame rate are shown as they are.
 */
export function toMetrics(before: Reading, now: Reading): Metrics {
  const metrics: Metrics = {};
  const { inbound, outbound } = now;
  if (inbound && before.inbound) {
    metrics.bitsReceivedPerSecond = perSecond(before.inbound, inbound, 'bytesReceived') * 8;
    metrics.packetsReceivedPerSecond = perSecond(before.inbound, inbound, 'packetsReceived');
    metrics.framesReceivedPerSecond = perSecond(before.inbound, inbound, 'framesReceived');
    const seconds = (now.shown.at - before.shown.at) / 1000;
    metrics.framesOutputPerSecond = (now.shown.frames - before.shown.frames) / seconds;
  }
  if (inbound) {
    metrics.packetsLost = inbound.packetsLost;
    metrics.firCount = inbound.firCount; // FIRs and NACKs this side sent, asking for repairs
    metrics.nackCount = inbound.nackCount;
    metrics.frameWidth = inbound.frameWidth;
    metrics.frameHeight = inbound.frameHeight;
    metrics.framesPerSecond = inbound.framesPerSecond; // decoded in the last second
  }
  if (outbound && before.outbound) {
    metrics.bitsSentPerSecond = perSecond(before.outbound, outbound, 'bytesSent') * 8;
    metrics.packetsSentPerSecond = perSecond(before.outbound, outbound, 'packetsSent');
  }
  return metrics;
}
// #endregion rates
