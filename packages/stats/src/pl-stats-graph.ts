import { css, html, LitElement, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatValue, niceMax } from './format.ts';

/** A value per sample; `null` or `undefined` where there was none (the line has a gap there). */
export type GraphValues = readonly (number | null | undefined)[];

/** One line of a graph. */
export interface GraphSeries {
  /** Its name in the legend and the accessible label, such as `received` or `decoded`. */
  name: string;
  values: GraphValues;
}

/** The value last seen in `values`, skipping gaps at the end. */
const newest = (values: GraphValues) => values.findLast((value) => typeof value === 'number');

/**
 * A line chart of one or more series in the style of chrome://webrtc-internals: a title, the
 * current value with its unit, and the y-axis maximum. The newest value is at the right edge.
 *
 * For screen readers it is one image whose label says the title and the latest values.
 *
 * @example html`<pl-stats-graph label="Video received" unit="bit/s" .values=${bitrates}></pl-stats-graph>`
 * @csspart title - the title.
 * @csspart value - the current value(s).
 * @csspart chart - the `<svg>` chart.
 * @csspart axis - the y-axis maximum.
 * @cssprop --pl-stats-graph-color-1 - the first line's colour (`-2`, `-3` and `-4` for the next).
 */
@customElement('pl-stats-graph')
export class PlStatsGraph extends LitElement {
  static override styles = css`
    :host {
      --pl-stats-graph-color-1: #0b62d6;
      --pl-stats-graph-color-2: #bf3989;
      --pl-stats-graph-color-3: #1a7f37;
      --pl-stats-graph-color-4: #bc4c00;
      display: block;
      font:
        0.875rem system-ui,
        sans-serif;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0 0.75rem;
    }
    .value {
      font-variant-numeric: tabular-nums;
    }
    svg {
      display: block;
      width: 100%;
      height: 4.5rem;
      border-bottom: 1px solid rgb(127 127 127 / 0.5);
      background: rgb(127 127 127 / 0.06);
    }
    path {
      fill: none;
      stroke-width: 1.5;
      stroke-linejoin: round;
    }
    .axis {
      opacity: 0.7;
      font-size: 0.75rem;
    }
    .line-0 {
      stroke: var(--pl-stats-graph-color-1);
      color: var(--pl-stats-graph-color-1);
    }
    .line-1 {
      stroke: var(--pl-stats-graph-color-2);
      color: var(--pl-stats-graph-color-2);
    }
    .line-2 {
      stroke: var(--pl-stats-graph-color-3);
      color: var(--pl-stats-graph-color-3);
    }
    .line-3 {
      stroke: var(--pl-stats-graph-color-4);
      color: var(--pl-stats-graph-color-4);
    }
  `;

  /** The graph's title, such as "Video received". */
  @property() label = '';

  /** The unit of every series: `bit/s` shows as kbit/s or Mbit/s, others as given. */
  @property() unit = '';

  /** The lines to draw. For a single line, setting `values` is shorter. */
  @property({ attribute: false }) series: readonly GraphSeries[] = [];

  /** One line's values: the same as `series = [{ name: label, values }]`. */
  get values(): GraphValues {
    return this.series[0]?.values ?? [];
  }
  set values(values: GraphValues) {
    this.series = [{ name: this.label, values }];
  }

  /**
   * A fixed top for the y-axis; by default a round number at least 10% above the highest value
   * shown, so that a steady line does not hide along the top edge.
   */
  @property({ type: Number }) max: number | undefined = undefined;

  /** How many values fit across the chart (default 60); older ones scroll out on the left. */
  @property({ type: Number }) capacity = 60;

  /** The y-axis maximum in use: {@link max}, or the automatic one. */
  get yMax(): number {
    if (this.max !== undefined) return this.max;
    const shown = this.series.flatMap(({ values }) => values.slice(-this.capacity));
    return niceMax(1.1 * Math.max(0, ...shown.filter((value) => typeof value === 'number')));
  }

  /** What the graph says in words: the title and each line's newest value. */
  get description(): string {
    const values = this.series.map(({ name, values }) => {
      const value = formatValue(newest(values), this.unit);
      return this.series.length > 1 ? `${name} ${value}` : value;
    });
    return `${this.label}: ${values.join(', ') || formatValue(undefined, this.unit)}`;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // One image to assistive technology: its label carries the numbers, the lines add nothing.
    this.setAttribute('role', 'img');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.setAttribute('aria-label', this.description);
  }

  protected override render() {
    const top = this.yMax;
    const several = this.series.length > 1;
    return html`
      <header>
        <strong part="title">${this.label}</strong>
        <span class="value" part="value">
          ${this.series.map(
            ({ name, values }, i) =>
              html`<span class="line-${i % 4}">${several ? `${name} ` : nothing}</span>
                ${formatValue(newest(values), this.unit)} `,
          )}
        </span>
      </header>
      <svg part="chart" viewBox="0 0 ${this.capacity - 1} 100" preserveAspectRatio="none">
        ${this.series.map(
          ({ values }, i) =>
            svg`<path class="line-${i % 4}" vector-effect="non-scaling-stroke"
              d=${pathOf(values.slice(-this.capacity), this.capacity, top)}></path>`,
        )}
      </svg>
      <div class="axis" part="axis">y-axis up to ${formatValue(top, this.unit)}</div>
    `;
  }
}

/**
 * SVG path commands for `values` in a `capacity - 1` by 100 box, newest at the right edge:
 * a gap (no value) ends the line, and the next value starts a new one.
 */
export function pathOf(values: GraphValues, capacity: number, top: number): string {
  const firstX = capacity - values.length;
  const commands: string[] = [];
  let drawing = false;
  for (const [i, value] of values.entries()) {
    if (typeof value === 'number') {
      const y = 100 - (Math.min(Math.max(value, 0), top) / top) * 100;
      commands.push(`${drawing ? 'L' : 'M'}${firstX + i} ${+y.toFixed(2)}`);
    }
    drawing = typeof value === 'number';
  }
  return commands.join(' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-stats-graph': PlStatsGraph;
  }
}
