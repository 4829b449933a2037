/** Bytes so far, as `getStats` counts them: payload only, without packet headers, both sides. */
export interface ByteCounts {
  textSent: number;
  textReceived: number;
  videoSent: number;
  videoReceived: number;
}

/**
 * Adds up the video RTP and data-channel byte counters of every connection. RTP's `bytesSent`
 * and the data channel's `bytesSent` both count payload only, so the two compare fairly.
 */
export async function readByteCounts(
  connections: Iterable<RTCPeerConnection>,
  channelLabel: string,
): Promise<ByteCounts> {
  const counts: ByteCounts = { textSent: 0, textReceived: 0, videoSent: 0, videoReceived: 0 };
  for (const pc of connections) {
    const report = await pc.getStats();
    report.forEach((stat: Record<string, unknown>) => {
      if (stat.type === 'outbound-rtp' && stat.kind === 'video') {
        counts.videoSent += Number(stat.bytesSent ?? 0);
      } else if (stat.type === 'inbound-rtp' && stat.kind === 'video') {
        counts.videoReceived += Number(stat.bytesReceived ?? 0);
      } else if (stat.type === 'data-channel' && stat.label === channelLabel) {
        counts.textSent += Number(stat.bytesSent ?? 0);
        counts.textReceived += Number(stat.bytesReceived ?? 0);
      }
    });
  }
  return counts;
}

/**
 * Bytes per second between two readings `seconds` apart. A counter that went down (a peer
 * left, taking its connection's counters along) counts as 0, not as a negative rate.
 */
export function bytesPerSecond(before: ByteCounts, after: ByteCounts, seconds: number): ByteCounts {
  const rate = (key: keyof ByteCounts) =>
    seconds > 0 ? Math.max(0, after[key] - before[key]) / seconds : 0;
  return {
    textSent: rate('textSent'),
    textReceived: rate('textReceived'),
    videoSent: rate('videoSent'),
    videoReceived: rate('videoReceived'),
  };
}
