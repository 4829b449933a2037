import { SignalingClient } from '@peerlab/signaling';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startHub, type Hub } from './hub.ts';
import { createFixtureRepo, type FixtureRepo } from './test-support/fixture-repo.ts';

// A real hub and real socket.io clients; /metrics read over HTTP as Prometheus would.
let repo: FixtureRepo;
let hub: Hub;
const clients: SignalingClient[] = [];

beforeEach(async () => {
  repo = createFixtureRepo([]);
  hub = await startHub({ port: 0, rootDir: repo.rootDir, quiet: true });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.close();
  await hub.close();
  repo.remove();
});

function client(): SignalingClient {
  const created = new SignalingClient({ url: hub.url });
  clients.push(created);
  return created;
}

/** The value of one sample in Prometheus' text format, such as `peerlab_rooms 1`. */
async function sample(name: string): Promise<number | undefined> {
  const response = await fetch(new URL('/metrics', hub.url));
  expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
  const line = (await response.text()).split('\n').find((l) => l.startsWith(`${name} `));
  return line === undefined ? undefined : Number(line.slice(name.length + 1));
}

test('/metrics counts rooms, peers, relays, refusals by code and the ICE outcomes pages report', async () => {
  const [alice, bob] = [client(), client()];
  await alice.join('lab');
  const { peerId: bobId } = await bob.join('lab');
  await client().join('other');
  expect(await sample('peerlab_rooms')).toBe(2);
  expect(await sample('peerlab_peers')).toBe(3);

  const arrived = new Promise((resolve) => bob.once('signal', resolve));
  alice.send(bobId, { kind: 'message', body: 'hi' });
  await arrived;
  await expect.poll(() => sample('peerlab_relays_total')).toBe(1);

  const refused = new Promise((resolve) => alice.once('error', resolve));
  alice.send('not-a-peer-id-at-all', { kind: 'message', body: 'lost' });
  await refused;
  expect(await sample('peerlab_signaling_errors_total{code="unknown-peer"}')).toBe(1);

  alice.report({ kind: 'ice', outcome: 'connected', pair: 'relay', connectMs: 420 });
  bob.report({ kind: 'ice', outcome: 'failed' });
  await expect
    .poll(() => sample('peerlab_ice_outcomes_total{outcome="connected",pair="relay"}'))
    .toBe(1);
  await expect
    .poll(() => sample('peerlab_ice_outcomes_total{outcome="failed",pair="none"}'))
    .toBe(1);
  expect(await sample('peerlab_ice_connect_seconds_sum{pair="relay"}')).toBeCloseTo(0.42);
  expect(await sample('peerlab_ice_connect_seconds_bucket{le="0.5",pair="relay"}')).toBe(1);
});

test('a report that is not one is refused as invalid-message, and counted', async () => {
  const alice = client();
  await alice.join('lab');
  const refused = new Promise((resolve) => alice.once('error', resolve));
  // What a hostile page may send: a negative time and a field the protocol does not have.
  const hostile = { kind: 'ice', outcome: 'connected', connectMs: -5, extra: 1 } as never;
  alice.socket.emit('report', hostile);
  expect(await refused).toMatchObject({ code: 'invalid-message', event: 'report' });
  expect(await sample('peerlab_signaling_errors_total{code="invalid-message"}')).toBe(1);
  expect(await sample('peerlab_ice_outcomes_total{outcome="connected",pair="none"}')).toBe(
    undefined,
  );
});
