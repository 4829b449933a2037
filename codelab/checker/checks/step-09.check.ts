import { expect, type Browser, type Page } from '@peerlab/testing';
import { appPath, check } from './check-app.ts';

/**
 * Opens two pages of the app under check in one new room and runs `body` with the first. Each
 * page keeps the RTCPeerConnections it creates in `window.checkedConnections`, so the checks
 * measure what really leaves the browser, whatever the app's own code looks like.
 */
async function withCall(browser: Browser, hubUrl: string, body: (page: Page) => Promise<void>) {
  const contexts = await Promise.all([0, 1].map(() => browser.newContext({ baseURL: hubUrl })));
  try {
    const room = `check-09-${Date.now()}`;
    const pages: Page[] = [];
    for (const context of contexts) {
      await context.addInitScript(() => {
        const connections: RTCPeerConnection[] = [];
        Object.defineProperty(window, 'checkedConnections', { value: connections });
        window.RTCPeerConnection = class extends window.RTCPeerConnection {
          constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
            super(...args);
            connections.push(this);
          }
        };
      });
      const page = await context.newPage();
      await page.goto(`${appPath}?room=${room}`);
      pages.push(page);
    }
    await body(pages[0]!);
  } finally {
    await Promise.all(contexts.map((context) => context.close()));
  }
}

/** The page's outgoing video over one second: bits per second and frame width, from getStats. */
function videoSent(page: Page): Promise<{ bitrate: number; frameWidth: number }> {
  return page.evaluate(async () => {
    const connections = (window as { checkedConnections?: RTCPeerConnection[] }).checkedConnections;
    const read = async () => {
      const sent = { bytes: 0, at: 0, frameWidth: 0 };
      for (const pc of connections ?? []) {
        if (pc.connectionState !== 'connected') continue;
        (await pc.getStats()).forEach((stats) => {
          if (stats.type !== 'outbound-rtp' || stats.kind !== 'video') return;
          sent.bytes += stats.bytesSent ?? 0;
          sent.at = stats.timestamp;
          sent.frameWidth = Math.max(sent.frameWidth, stats.frameWidth ?? 0);
        });
      }
      return sent;
    };
    const before = await read();
    await new Promise((resolve) => setTimeout(resolve, 1000)); // the span measured
    const after = await read();
    const seconds = (after.at - before.at) / 1000;
    return {
      bitrate: seconds > 0 ? ((after.bytes - before.bytes) * 8) / seconds : 0,
      frameWidth: after.frameWidth,
    };
  });
}

check(
  'A 100 kbit/s cap brings the video you send under 150 kbit/s',
  'Join the room in the link (?room=…) on load, as in step 8. Add <select id="max-bitrate"> with an <option value="100000">. On change, take the video RTCRtpSender (pc.getSenders()), then: const params = sender.getParameters(); params.encodings[0].maxBitrate = Number(select.value); await sender.setParameters(params).',
  async ({ browser, hub }) => {
    await withCall(browser, hub.url, async (page) => {
      await expect
        .poll(async () => (await videoSent(page)).bitrate, { timeout: 20_000 })
        .toBeGreaterThan(150_000);
      await page.locator('#max-bitrate').selectOption('100000');
      await expect
        .poll(async () => (await videoSent(page)).bitrate, { timeout: 10_000 })
        .toBeLessThan(150_000);
    });
  },
);

/**
 * Tells the page's video senders to keep their resolution when the CPU is busy, so only the
 * app's scale changes the width measured (a busy machine would lower it by itself).
 */
function keepResolution(page: Page): Promise<void> {
  return page.evaluate(async () => {
    const connections = (window as { checkedConnections?: RTCPeerConnection[] }).checkedConnections;
    for (const pc of connections ?? []) {
      for (const sender of pc.getSenders()) {
        if (sender.track?.kind !== 'video') continue;
        const parameters = sender.getParameters();
        parameters.degradationPreference = 'maintain-resolution';
        await sender.setParameters(parameters);
      }
    }
  });
}

check(
  'Scaling the resolution down by 2 sends half the width',
  'Add <select id="scale"> with options 1, 2 and 4. On change, set params.encodings[0].scaleResolutionDownBy = Number(select.value) in the parameters from sender.getParameters(), then await sender.setParameters(params). The fake camera\'s 640×480 then leaves as 320×240.',
  async ({ browser, hub }) => {
    await withCall(browser, hub.url, async (page) => {
      await expect
        .poll(async () => (await videoSent(page)).bitrate, { timeout: 20_000 })
        .toBeGreaterThan(0);
      await keepResolution(page);
      await expect
        .poll(async () => (await videoSent(page)).frameWidth, { timeout: 20_000 })
        .toBe(640);
      await page.locator('#scale').selectOption('2');
      await expect.poll(async () => (await videoSent(page)).frameWidth).toBe(320);
    });
  },
);
