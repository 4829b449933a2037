import { expect, peerIdOf, test, type Page } from '@peerlab/testing';
import { OutsidePeer } from './outside-peer.ts';
import { expectConnected, join } from './room-page.ts';

/** The video room's call with its one peer: refused candidates, and the remote ones it kept. */
function session(page: Page) {
  return page.evaluate(async () => {
    const [first] = [...window.peerlab!.call!.sessions.values()];
    const types: string[] = [];
    (await first!.pc.getStats()).forEach((stat: { type: string; candidateType?: string }) => {
      if (stat.type === 'remote-candidate' && stat.candidateType) types.push(stat.candidateType);
    });
    return { candidatesRefused: first!.candidatesRefused, remoteCandidateTypes: types };
  });
}

// A peer from outside sends what some stacks (or a hostile peer) send: candidates before the
// description they belong to, and candidates that are garbage.
test('candidates before their description are kept, garbage ones are counted: no error, a call', async ({
  openPeers,
  hub,
}) => {
  const [alice, stack] = await openPeers(2, '/healthz');
  await alice!.goto('/demos/video-room/');
  await join(alice!, 'early-candidates');
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  const { peer } = await OutsidePeer.join(hub.url, stack!, 'early-candidates');
  const aliceId = (await peerIdOf(alice!))!;
  await expect.poll(() => peer.description()?.type).toBe('offer');
  const { answer, candidates } = await peer.answer(peer.description()!);

  peer.send(aliceId, {
    kind: 'candidate',
    candidate: { candidate: 'candidate:garbage', sdpMid: '0' },
  });
  for (const candidate of candidates) peer.send(aliceId, { kind: 'candidate', candidate });
  peer.send(aliceId, {
    kind: 'candidate',
    candidate: { candidate: 'candidate:1 1 udp', sdpMLineIndex: 7 },
  });
  peer.send(aliceId, { kind: 'description', description: answer }); // last, after its candidates
  await expect.poll(() => peer.takeCandidates()).toBe('connected');

  await expectConnected(alice!);
  await expect(alice!.locator('#error [role=alert]')).toHaveCount(0);
  const seen = await session(alice!);
  expect(seen.candidatesRefused).toBe(2);
  // `host`: a candidate alice was sent and kept; without it she would only know a `prflx` one.
  expect(seen.remoteCandidateTypes).toContain('host');
  peer.close();
});
