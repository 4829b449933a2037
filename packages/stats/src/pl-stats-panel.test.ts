import { afterEach, expect, it } from 'vitest';
import './pl-stats-panel.ts';
import { StatsSampler } from './stats-sampler.ts';
import { scriptedPc } from './test-support/scripted-pc.ts';

afterEach(() => document.body.replaceChildren());

const inbound = (timestamp: number, bytesReceived: number) => ({
  id: 'IV1',
  type: 'inbound-rtp',
  kind: 'video',
  timestamp,
  bytesReceived,
  frameWidth: 320,
});

it('lays out one graph per series and redraws after each sample', async () => {
  const sampler = new StatsSampler(
    scriptedPc([inbound(0, 0)], [inbound(1_000, 50_000)], [inbound(2_000, 150_000)]),
  );
  const panel = document.createElement('pl-stats-panel');
  panel.sampler = sampler;
  panel.graphs = [
    { kind: 'inbound-video', key: 'bitsReceivedPerSecond' },
    { kind: 'inbound-video', key: 'frameWidth', label: 'Width' },
  ];
  document.body.append(panel);
  await panel.updateComplete;
  const graphs = [...panel.shadowRoot!.querySelectorAll('pl-stats-graph')];
  expect(graphs.map((graph) => graph.dataset.metric)).toEqual([
    'bitsReceivedPerSecond',
    'frameWidth',
  ]);
  expect(graphs.map((graph) => graph.label)).toEqual(['Video received', 'Width']);
  expect(graphs[0]!.unit).toBe('bit/s');

  for (let i = 0; i < 3; i++) await sampler.sample();
  await panel.updateComplete;
  expect(graphs[0]!.values).toEqual([undefined, 400_000, 800_000]);
  await graphs[0]!.updateComplete;
  expect(graphs[0]!.getAttribute('aria-label')).toBe('Video received: 800 kbit/s');
  expect(graphs[1]!.values).toEqual([320, 320, 320]);
});

it('stops listening to a sampler it no longer shows', async () => {
  const old = new StatsSampler(scriptedPc([inbound(0, 0)]));
  const panel = document.createElement('pl-stats-panel');
  panel.sampler = old;
  document.body.append(panel);
  await panel.updateComplete;
  panel.sampler = undefined;
  await panel.updateComplete;
  let updates = 0;
  const update = panel.requestUpdate.bind(panel);
  panel.requestUpdate = (...args) => {
    updates++;
    update(...args);
  };
  await old.sample();
  expect(updates).toBe(0);
});
