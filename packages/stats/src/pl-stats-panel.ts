import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { findMetric, type StreamKind } from './metrics.ts';
import './pl-stats-graph.ts';
import type { StatsSampler } from './stats-sampler.ts';

/** One graph of a panel: a sampler series, with the metric's own title and unit by default. */
export interface PanelGraph {
  kind: StreamKind;
  key: string;
  label?: string;
  max?: number;
}

/** The video graphs of a call, both ways: what a panel shows unless told otherwise. */
export const VIDEO_GRAPHS: readonly PanelGraph[] = [
  { kind: 'outbound-video', key: 'bitsSentPerSecond' },
  { kind: 'outbound-video', key: 'frameWidth' },
  { kind: 'outbound-video', key: 'framesPerSecond' },
  { kind: 'inbound-video', key: 'bitsReceivedPerSecond' },
  { kind: 'inbound-video', key: 'frameWidth' },
  { kind: 'inbound-video', key: 'framesPerSecond' },
];

/**
 * A grid of `<pl-stats-graph>`s fed by a {@link StatsSampler}, redrawn after every sample.
 * Each graph carries `data-kind` and `data-metric`, to style or find it.
 *
 * @example html`<pl-stats-panel .sampler=${new StatsSampler(pc).start()}></pl-stats-panel>`
 * @csspart graph - each graph.
 */
@customElement('pl-stats-panel')
export class PlStatsPanel extends LitElement {
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
      gap: 0.75rem 1rem;
    }
  `;

  /** Where the numbers come from; `undefined` shows empty graphs. */
  @property({ attribute: false }) sampler: StatsSampler | undefined = undefined;

  /** Which series to draw, in order. */
  @property({ attribute: false }) graphs: readonly PanelGraph[] = VIDEO_GRAPHS;

  readonly #redraw = () => this.requestUpdate();

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.sampler?.removeEventListener('sample', this.#redraw);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.sampler?.addEventListener('sample', this.#redraw);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (!changed.has('sampler')) return;
    changed.get('sampler')?.removeEventListener('sample', this.#redraw);
    if (this.isConnected) this.sampler?.addEventListener('sample', this.#redraw);
  }

  protected override render() {
    const capacity = this.sampler?.historyLength ?? 60;
    return repeat(
      this.graphs,
      ({ kind, key }) => `${kind}.${key}`,
      ({ kind, key, label, max }) => {
        const metric = findMetric(kind, key);
        return html`<pl-stats-graph
          part="graph"
          data-kind=${kind}
          data-metric=${key}
          .label=${label ?? metric?.label ?? key}
          .unit=${metric?.unit ?? ''}
          .max=${max}
          .capacity=${capacity}
          .values=${this.sampler?.series(kind, key) ?? []}
        ></pl-stats-graph>`;
      },
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-stats-panel': PlStatsPanel;
  }
}
