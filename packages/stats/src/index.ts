// Importing this file registers <pl-stats-graph> and <pl-stats-panel>.
export { counterRate, numberField, type StatsFields } from './rates.ts';
export { RingBuffer } from './ring-buffer.ts';
export {
  findMetric,
  METRICS,
  STREAM_KINDS,
  type MetricDefinition,
  type StreamKind,
} from './metrics.ts';
export { StatsSampler, type StatsSample, type StatsSamplerOptions } from './stats-sampler.ts';
export { formatValue, niceMax } from './format.ts';
export { PlStatsGraph, type GraphSeries, type GraphValues } from './pl-stats-graph.ts';
export { PlStatsPanel, VIDEO_GRAPHS, type PanelGraph } from './pl-stats-panel.ts';
