import { expect, it } from 'vitest';
import { PlStatsGraph, PlStatsPanel } from './index.ts';

it('registers both elements', () => {
  expect(customElements.get('pl-stats-graph')).toBe(PlStatsGraph);
  expect(customElements.get('pl-stats-panel')).toBe(PlStatsPanel);
});
