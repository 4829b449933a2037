import type { Page } from '@playwright/test';

/**
 * Tells every video sender of the page's calls (`window.peerlab.call.sessions`) to keep its
 * resolution when the CPU is busy: the frame rate drops instead. Without it a loaded machine
 * sends 480×360 or less for as long as it stays loaded, and a test of the frame size measures
 * the machine, not the app.
 */
export async function keepSentResolution(page: Page): Promise<void> {
  await page.evaluate(async () => {
    type Sessions = Map<string, { pc: RTCPeerConnection }>;
    const call = (window as unknown as { peerlab?: { call?: { sessions: Sessions } } }).peerlab
      ?.call;
    for (const session of call?.sessions.values() ?? []) {
      for (const sender of session.pc.getSenders()) {
        if (sender.track?.kind !== 'video') continue;
        const parameters = sender.getParameters();
        parameters.degradationPreference = 'maintain-resolution';
        await sender.setParameters(parameters);
      }
    }
  });
}
