import { check } from './check-app.ts';
import { click, element } from './page-elements.ts';
import { probe } from './page-report.ts';
import { waitFor } from './wait-for.ts';

const GATHER = 'Gather candidates lists each candidate with its type';

check(
  GATHER,
  {
    hint: '<button id="gather">: fetch("/api/ice"), new RTCPeerConnection({ iceServers }), createDataChannel("gather"), setLocalDescription(); in onicecandidate, add an <li data-type="${candidate.type}"> per candidate to #candidates. See "Gather candidates".',
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await click(tab!, '#gather', 'the Gather candidates button, id="gather"');
    // On one machine without STUN or TURN, host candidates are all there is.
    const types = () =>
      tab!.page
        .locator('#candidates li')
        .evaluateAll((items) => items.map((li) => li.getAttribute('data-type')));
    await waitFor(types, (found) => found.includes('host'), {
      expected: 'an <li data-type="host"> in #candidates',
      got: (found) =>
        found.length ? `the items have data-type ${found.join(', ')}` : '#candidates has no <li>',
      tabs: [tab!],
    });
  },
);

check(
  'Relay only gathers with iceTransportPolicy "relay": no host candidates',
  {
    hint: 'When <input type="checkbox" id="relay-only"> is ticked, make the gathering connection with new RTCPeerConnection({ iceServers, iceTransportPolicy: "relay" }). Without a TURN server it gathers nothing. See "Relay only: the test that TURN works".',
    needs: [GATHER],
  },
  async ({ openTabs }) => {
    const [tab] = await openTabs(1);
    await (await element(tab!, '#relay-only', 'a checkbox id="relay-only"')).check();
    await click(tab!, '#gather', 'the Gather candidates button, id="gather"');
    const gathered = async () =>
      (await probe(tab!))?.connections.filter(
        (c) => c.iceGatheringState === 'complete' || c.found > 0,
      ) ?? [];
    const made = await waitFor(gathered, (found) => found.some((c) => c.policy === 'relay'), {
      expected: 'a connection made with iceTransportPolicy "relay" that gathered',
      got: (found) =>
        `the connections that gathered have iceTransportPolicy ${found.map((c) => `"${c.policy}"`).join(', ') || '(none)'}`,
      timeout: 10_000,
    });
    await waitFor(
      () => tab!.page.locator('#candidates li').count(),
      (count) => count === 0,
      {
        expected: 'no candidate in #candidates: without TURN, relay only finds none',
        got: (count) =>
          `#candidates lists ${count}; made with policy ${made.map((c) => c.policy).join(', ')}`,
        timeout: 2_000,
      },
    );
  },
);
