import { expect, type Page } from '@peerlab/testing';
import { check, openApp } from './check-app.ts';

/** Records every RTCPeerConnection the page creates from now on, with the configuration given. */
function recordPeerConnections(page: Page) {
  return page.evaluate(() => {
    const Native = window.RTCPeerConnection;
    const made: { policy?: string; gathered: boolean }[] = [];
    window.RTCPeerConnection = class extends Native {
      constructor(config?: RTCConfiguration) {
        super(config);
        const record = { policy: config?.iceTransportPolicy, gathered: false };
        made.push(record);
        this.addEventListener('icegatheringstatechange', () => {
          if (this.iceGatheringState === 'complete') record.gathered = true;
        });
      }
    };
    (window as unknown as { madeConnections: typeof made }).madeConnections = made;
  });
}

const madeConnections = (page: Page) =>
  page.evaluate(
    () =>
      (window as unknown as { madeConnections: { policy?: string; gathered: boolean }[] })
        .madeConnections,
  );

check(
  'Gather candidates lists each candidate with its type',
  'Add <button id="gather">: fetch("/api/ice"), make new RTCPeerConnection({ iceServers }), createDataChannel("gather"), then setLocalDescription(). In onicecandidate, add an <li data-type="${candidate.type}"> per candidate to <ol id="candidates">.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await page.locator('#gather').click();
    // On one machine without STUN or TURN, host candidates are all there is.
    await expect(page.locator('#candidates li[data-type=host]').first()).toBeAttached();
  },
);

check(
  'Relay only gathers with iceTransportPolicy "relay": no host candidates',
  'Add <input type="checkbox" id="relay-only">; when it is ticked, create the gathering connection with new RTCPeerConnection({ iceServers, iceTransportPolicy: "relay" }). Without a TURN server that gathers nothing at all.',
  async ({ openPeers }) => {
    const page = await openApp(openPeers);
    await recordPeerConnections(page);
    await page.locator('#relay-only').check();
    await page.locator('#gather').click();
    await expect
      .poll(async () => (await madeConnections(page)).some((pc) => pc.gathered))
      .toBe(true);
    expect((await madeConnections(page)).map((pc) => pc.policy)).toContain('relay');
    await expect(page.locator('#candidates li')).toHaveCount(0);
  },
);
