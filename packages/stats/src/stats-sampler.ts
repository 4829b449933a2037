import { METRICS, STREAM_KINDS, type StreamKind } from './metrics.ts';
import type { StatsFields } from './rates.ts';
import { RingBuffer } from './ring-buffer.ts';

/** What one poll of `getStats()` turned into. */
export interface StatsSample {
  /** When the stats were taken, in ms (the reports' own clock). */
  timestamp: number;
  /** This sample's value of every metric, by stream kind then key (`undefined`: none yet). */
  values: Partial<Record<StreamKind, Record<string, number | undefined>>>;
  /** The codec each stream uses, as a MIME type (`video/VP8`), from its `codec` report. */
  codecs: Partial<Record<StreamKind, string>>;
  /** The raw `inbound-rtp`/`outbound-rtp` report each value was computed from. */
  reports: Partial<Record<StreamKind, StatsFields>>;
}

export interface StatsSamplerOptions {
  /** Time between two polls (default 1000 ms, as chrome://webrtc-internals). */
  intervalMs?: number;
  /** How many samples each series keeps (default 60: a minute at one per second). */
  historyLength?: number;
  /**
   * The `<video>` showing the remote video, for the output frame rate when the browser's stats
   * have no `framesRendered`: frames it presented, from `getVideoPlaybackQuality()`.
   */
  video?: HTMLVideoElement;
}

/**
 * Polls `pc.getStats()` and keeps a per-second history of every metric in {@link METRICS}, for
 * the first `inbound-rtp` and `outbound-rtp` report of each kind (audio, video).
 *
 * Fires `sample` (a `CustomEvent<StatsSample>`) after each poll.
 *
 * @example
 * const sampler = new StatsSampler(session.pc).start();
 * sampler.addEventListener('sample', () => graph.values = sampler.series('inbound-video', 'bitsReceivedPerSecond'));
 */
export class StatsSampler extends EventTarget {
  readonly intervalMs: number;
  readonly historyLength: number;
  readonly #video: HTMLVideoElement | undefined;
  readonly #history = new Map<string, RingBuffer<number | undefined>>();
  #previous: Partial<Record<StreamKind, StatsFields>> = {};
  #latest: StatsSample | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running = false;

  constructor(
    readonly pc: Pick<RTCPeerConnection, 'getStats'>,
    options: StatsSamplerOptions = {},
  ) {
    super();
    this.intervalMs = options.intervalMs ?? 1000;
    this.historyLength = options.historyLength ?? 60;
    this.#video = options.video;
  }

  /** The last sample, or `undefined` before the first poll. */
  get latest(): StatsSample | undefined {
    return this.#latest;
  }

  /** Starts polling: a first sample now (it sets the baseline), then one every `intervalMs`. */
  start(): this {
    if (this.#running) return this;
    this.#running = true;
    const tick = async () => {
      try {
        await this.sample();
      } catch (error) {
        // getStats only fails once the connection is gone: nothing left to sample.
        this.stop();
        this.dispatchEvent(new CustomEvent('error', { detail: error }));
        return;
      }
      // The next poll is timed from the end of this one, so two polls never overlap.
      if (this.#running) this.#timer = setTimeout(tick, this.intervalMs);
    };
    void tick();
    return this;
  }

  /** Stops polling. The history stays readable. */
  stop(): void {
    this.#running = false;
    clearTimeout(this.#timer);
  }

  /** The last `historyLength` values of `key` for `kind`, oldest first (`undefined`: no value). */
  series(kind: StreamKind, key: string): (number | undefined)[] {
    return this.#history.get(`${kind}.${key}`)?.toArray() ?? [];
  }

  /** Polls once now, adds the sample to every series and fires `sample`. */
  async sample(): Promise<StatsSample> {
    const report = await this.pc.getStats();
    const sample: StatsSample = { timestamp: 0, values: {}, codecs: {}, reports: {} };
    for (const kind of STREAM_KINDS) {
      const current = this.#withRenderedFrames(kind, findStream(report, kind));
      // A report with another id is another stream (a new SSRC): no rates against the old one.
      const previous = this.#previous[kind];
      const before = previous && previous.id === current?.id ? previous : undefined;
      const values: Record<string, number | undefined> = {};
      for (const metric of METRICS[kind]) {
        values[metric.key] = current && metric.read(before, current);
        this.#remember(`${kind}.${metric.key}`, values[metric.key]);
      }
      this.#previous[kind] = current;
      if (!current) continue;
      sample.timestamp = Math.max(sample.timestamp, current.timestamp);
      sample.values[kind] = values;
      sample.reports[kind] = current;
      const codec = report.get(String(current.codecId)) as { mimeType?: string } | undefined;
      if (codec?.mimeType) sample.codecs[kind] = codec.mimeType;
    }
    this.#latest = sample;
    this.dispatchEvent(new CustomEvent('sample', { detail: sample }));
    return sample;
  }

  /** Adds a `framesRendered` counter from the `<video>` when the browser reports none. */
  #withRenderedFrames(kind: StreamKind, stats: StatsFields | undefined): StatsFields | undefined {
    if (kind !== 'inbound-video' || !stats || 'framesRendered' in stats || !this.#video) {
      return stats;
    }
    const quality = this.#video.getVideoPlaybackQuality();
    return { ...stats, framesRendered: quality.totalVideoFrames - quality.droppedVideoFrames };
  }

  #remember(name: string, value: number | undefined): void {
    let history = this.#history.get(name);
    if (!history) this.#history.set(name, (history = new RingBuffer(this.historyLength)));
    history.push(value);
  }
}

/** The first report of `kind` (`inbound-video` → type `inbound-rtp`, kind `video`) in `report`. */
function findStream(report: RTCStatsReport, kind: StreamKind): StatsFields | undefined {
  const [direction, media] = kind.split('-');
  for (const stats of report.values() as IterableIterator<StatsFields>) {
    if (stats.type === `${direction}-rtp` && stats.kind === media) return stats;
  }
  return undefined;
}
