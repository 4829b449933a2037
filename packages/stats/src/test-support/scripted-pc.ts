import type { StatsFields } from '../rates.ts';

/**
 * Test helper: a stand-in for an RTCPeerConnection whose `getStats()` returns the given reports
 * in turn (the last one again once they run out), as a Map like a real RTCStatsReport.
 */
export function scriptedPc(...reports: (StatsFields & { id: string; type: string })[][]) {
  let next = 0;
  return {
    getStats: async () => {
      const stats = reports[Math.min(next++, reports.length - 1)]!;
      return new Map(stats.map((entry) => [entry.id, entry])) as unknown as RTCStatsReport;
    },
  };
}
