import type { Page } from '@playwright/test';
import './page-handle.ts';

export interface InboundVideo {
  framesDecoded: number;
  bytesReceived: number;
  frameWidth: number;
  frameHeight: number;
}

/**
 * Sums the inbound video RTP stats of every RTCPeerConnection the page exposes at
 * `window.peerlab.call.sessions` (the page handle, see `page-handle.ts`). Assert on these numbers, not
 * on screenshots: `framesDecoded > 0` proves video really arrived and decoded.
 */
export async function inboundVideoStats(page: Page): Promise<InboundVideo> {
  return page.evaluate(async () => {
    const call = window.peerlab?.call;
    const total = { framesDecoded: 0, bytesReceived: 0, frameWidth: 0, frameHeight: 0 };
    for (const session of call?.sessions.values() ?? []) {
      const report = await session.pc.getStats();
      report.forEach((stat: Record<string, unknown>) => {
        if (stat.type !== 'inbound-rtp' || stat.kind !== 'video') return;
        total.framesDecoded += Number(stat.framesDecoded ?? 0);
        total.bytesReceived += Number(stat.bytesReceived ?? 0);
        total.frameWidth = Math.max(total.frameWidth, Number(stat.frameWidth ?? 0));
        total.frameHeight = Math.max(total.frameHeight, Number(stat.frameHeight ?? 0));
      });
    }
    return total;
  });
}
