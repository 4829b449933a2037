import type { SignalingObserver } from '@peerlab/signaling/server';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/** What the hub's metrics read when scraped. */
export interface MetricsSource {
  roomCount(): number;
  peerCount(): number;
}

export interface HubMetrics {
  /** Hand it to signaling: it counts relays, refusals and the pages' ICE reports. */
  readonly observer: SignalingObserver;
  /** The text a Prometheus server scrapes at `/metrics`. */
  render(): Promise<string>;
  readonly contentType: string;
}

/**
 * The hub's metrics, in Prometheus' text format: rooms and peers now, relays, refusals by code,
 * and how the pages' calls connected (over which kind of path, how fast) or failed. Plus the
 * process' own (CPU, memory, event-loop lag).
 */
export function createHubMetrics(source: MetricsSource): HubMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  new Gauge({
    name: 'peerlab_rooms',
    help: 'Rooms open now.',
    registers,
    collect() {
      this.set(source.roomCount());
    },
  });
  new Gauge({
    name: 'peerlab_peers',
    help: 'Peers in a room now, counting those in their grace period.',
    registers,
    collect() {
      this.set(source.peerCount());
    },
  });
  const relays = new Counter({
    name: 'peerlab_relays_total',
    help: 'Signaling messages relayed.',
    registers,
  });
  const refusals = new Counter({
    name: 'peerlab_signaling_errors_total',
    help: 'Events and connections refused, by error code.',
    labelNames: ['code'],
    registers,
  });
  const outcomes = new Counter({
    name: 'peerlab_ice_outcomes_total',
    help: 'Calls whose ICE connected or failed, as the pages report, by selected pair type.',
    labelNames: ['outcome', 'pair'],
    registers,
  });
  const connectTime = new Histogram({
    name: 'peerlab_ice_connect_seconds',
    help: 'From the start of a call to ICE connected, as the pages report.',
    labelNames: ['pair'],
    buckets: [0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
    registers,
  });
  return {
    observer: {
      relayed: () => relays.inc(),
      refused: (code) => refusals.inc({ code }),
      iceReported({ outcome, pair = 'none', connectMs }) {
        outcomes.inc({ outcome, pair });
        if (outcome === 'connected' && connectMs !== undefined) {
          connectTime.observe({ pair }, connectMs / 1000);
        }
      },
    },
    render: () => registry.metrics(),
    contentType: registry.contentType,
  };
}
