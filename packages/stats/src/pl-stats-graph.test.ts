import { afterEach, describe, expect, it } from 'vitest';
import { pathOf, type PlStatsGraph } from './pl-stats-graph.ts';
import './pl-stats-graph.ts';

afterEach(() => document.body.replaceChildren());

async function render(setUp: (graph: PlStatsGraph) => void): Promise<PlStatsGraph> {
  const graph = document.createElement('pl-stats-graph');
  setUp(graph);
  document.body.append(graph);
  await graph.updateComplete;
  return graph;
}

const text = (graph: PlStatsGraph, part: string) =>
  graph.shadowRoot!.querySelector(`[part="${part}"]`)!.textContent!.replace(/\s+/g, ' ').trim();

describe('<pl-stats-graph>', () => {
  it('shows the title, the newest value with its unit, and the y-axis maximum', async () => {
    const graph = await render((g) => {
      g.label = 'Video received';
      g.unit = 'bit/s';
      g.values = [300_000, 650_000, 720_000];
    });
    expect(text(graph, 'title')).toBe('Video received');
    expect(text(graph, 'value')).toBe('720 kbit/s');
    expect(text(graph, 'axis')).toBe('y-axis up to 1 Mbit/s');
    expect(graph.yMax).toBe(1_000_000);
  });

  it('is an image labelled with its latest value, for screen readers', async () => {
    const graph = await render((g) => {
      g.label = 'Frame width received';
      g.unit = 'px';
      g.values = [320, 640, undefined];
    });
    expect(graph.getAttribute('role')).toBe('img');
    expect(graph.getAttribute('aria-label')).toBe('Frame width received: 640 px');
    graph.values = [...graph.values, 480];
    await graph.updateComplete;
    expect(graph.getAttribute('aria-label')).toBe('Frame width received: 480 px');
  });

  it('draws one line per series and names each in the label', async () => {
    const graph = await render((g) => {
      g.label = 'Frame rate';
      g.unit = 'fps';
      g.series = [
        { name: 'received', values: [20, 20] },
        { name: 'output', values: [19, 18.5] },
      ];
    });
    expect(graph.shadowRoot!.querySelectorAll('path')).toHaveLength(2);
    expect(graph.getAttribute('aria-label')).toBe('Frame rate: received 20 fps, output 18.5 fps');
    expect(text(graph, 'value')).toBe('received 20 fps output 18.5 fps');
  });

  it('leaves room above a steady line', async () => {
    const graph = await render((g) => (g.values = [20, 20, 20]));
    expect(graph.yMax).toBe(25);
  });

  it('uses a fixed max when given one, and clips values above it', async () => {
    const graph = await render((g) => {
      g.max = 100;
      g.capacity = 3;
      g.values = [50, 200];
    });
    expect(graph.yMax).toBe(100);
    expect(graph.shadowRoot!.querySelector('path')!.getAttribute('d')).toBe('M1 50 L2 0');
  });

  it('shows a dash before there is any value', async () => {
    const graph = await render((g) => (g.label = 'Video sent'));
    expect(text(graph, 'value')).toBe('');
    expect(graph.getAttribute('aria-label')).toBe('Video sent: –');
  });
});

describe('pathOf', () => {
  it('puts the newest value at the right edge, scaled to the top', () => {
    expect(pathOf([0, 5, 10], 5, 10)).toBe('M2 100 L3 50 L4 0');
  });

  it('breaks the line at gaps', () => {
    expect(pathOf([1, undefined, 2, 3, null], 5, 4)).toBe('M0 75 M2 50 L3 25');
  });
});
