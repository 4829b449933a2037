import { check, newRoom, type Tab } from './check-app.ts';
import { element } from './page-elements.ts';
import { waitFor } from './wait-for.ts';

/** The page's outgoing video over one second: bits per second and frame width, from getStats. */
function videoSent(tab: Tab): Promise<{ bitrate: number; frameWidth: number }> {
  return tab.page.evaluate(async () => {
    const connections = (
      window as unknown as { __peerlabConnections: () => RTCPeerConnection[] }
    ).__peerlabConnections();
    const read = async () => {
      const sent = { bytes: 0, at: 0, frameWidth: 0 };
      for (const pc of connections) {
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

const kbits = (bitrate: number) => `${Math.round(bitrate / 1000)} kbit/s`;

/**
 * Tells the page's video senders to keep their resolution when the CPU is busy, so only the
 * app's scale changes the width measured (a busy machine would lower it by itself).
 */
function keepResolution(tab: Tab): Promise<void> {
  return tab.page.evaluate(async () => {
    const connections = (
      window as unknown as { __peerlabConnections: () => RTCPeerConnection[] }
    ).__peerlabConnections();
    for (const pc of connections) {
      for (const sender of pc.getSenders()) {
        if (sender.track?.kind !== 'video' || pc.signalingState === 'closed') continue;
        const parameters = sender.getParameters();
        parameters.degradationPreference = 'maintain-resolution';
        await sender.setParameters(parameters);
      }
    }
  });
}

check(
  'A 100 kbit/s cap brings the video you send under 150 kbit/s',
  {
    hint: 'On change of <select id="max-bitrate"> (with an <option value="100000">): const params = sender.getParameters(); params.encodings[0].maxBitrate = Number(select.value); await sender.setParameters(params), on the video RTCRtpSender. See "Change the encoding".',
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await waitFor(
      () => videoSent(tabs[0]!),
      ({ bitrate }) => bitrate > 150_000,
      {
        expected: 'tab 1 sending video above 150 kbit/s before the cap',
        got: ({ bitrate }) => `it sends ${kbits(bitrate)}`,
        timeout: 20_000,
        tabs,
      },
    );
    await (
      await element(tabs[0]!, '#max-bitrate', 'a <select id="max-bitrate">')
    ).selectOption('100000');
    await waitFor(
      () => videoSent(tabs[0]!),
      ({ bitrate }) => bitrate < 150_000,
      {
        expected: 'tab 1 sending under 150 kbit/s once capped at 100 kbit/s',
        got: ({ bitrate }) => `it still sends ${kbits(bitrate)}`,
        timeout: 10_000,
      },
    );
  },
);

check(
  'Scaling the resolution down by 2 sends half the width',
  {
    hint: 'On change of <select id="scale"> (options 1, 2 and 4), set params.encodings[0].scaleResolutionDownBy = Number(select.value) in the parameters from sender.getParameters(), then setParameters(params). See "Change the encoding".',
  },
  async ({ openTabs }) => {
    const tabs = await openTabs(2, { query: `?room=${newRoom()}` });
    await waitFor(
      () => videoSent(tabs[0]!),
      ({ bitrate }) => bitrate > 0,
      {
        expected: 'tab 1 sending video',
        got: () => 'nothing is sent',
        timeout: 20_000,
        tabs,
      },
    );
    await keepResolution(tabs[0]!);
    await waitFor(
      () => videoSent(tabs[0]!),
      ({ frameWidth }) => frameWidth === 640,
      {
        expected: 'tab 1 sending 640 wide before scaling',
        got: ({ frameWidth }) => `it sends ${frameWidth} wide`,
        timeout: 20_000,
      },
    );
    await (await element(tabs[0]!, '#scale', 'a <select id="scale">')).selectOption('2');
    await waitFor(
      () => videoSent(tabs[0]!),
      ({ frameWidth }) => frameWidth === 320,
      {
        expected: 'tab 1 sending 320 wide, scaled down by 2',
        got: ({ frameWidth }) => `it sends ${frameWidth} wide`,
      },
    );
  },
);
