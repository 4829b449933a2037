import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ChainEntry } from './chain.ts';

/** What the list's buttons and sliders ask the page to do. */
export interface ChainListActions {
  move(key: number, by: number): void;
  remove(key: number): void;
  set(key: number, name: string, value: number): void;
}

/**
 * Shows the chain as an ordered list: each step with buttons to move it or remove it, and a
 * slider per parameter. Keyed by step, so a slider being dragged keeps its place and focus.
 */
export function renderChainList(
  list: HTMLOListElement,
  chain: readonly ChainEntry[],
  actions: ChainListActions,
): void {
  const step = (entry: ChainEntry, index: number) => {
    const { name, params } = entry.filter;
    return html`<li data-filter-id=${entry.filter.id}>
      <div class="step-head">
        <strong>${name}</strong>
        <button
          type="button"
          class="up"
          aria-label=${`Move ${name} earlier`}
          ?disabled=${index === 0}
          @click=${() => actions.move(entry.key, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="down"
          aria-label=${`Move ${name} later`}
          ?disabled=${index === chain.length - 1}
          @click=${() => actions.move(entry.key, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="remove"
          aria-label=${`Remove ${name}`}
          @click=${() => actions.remove(entry.key)}
        >
          ✕
        </button>
      </div>
      ${params.map(
        (param) =>
          html`<label class="param">
            ${param.label}
            <input
              type="range"
              name=${param.name}
              min=${param.min}
              max=${param.max}
              step=${param.step}
              .value=${String(entry.values[param.name])}
              @input=${(event: Event) =>
                actions.set(
                  entry.key,
                  param.name,
                  Number((event.target as HTMLInputElement).value),
                )}
            />
            <output>${entry.values[param.name]}</output>
          </label>`,
      )}
    </li>`;
  };
  render(
    chain.length === 0
      ? html`<li class="empty">No filter yet: pick one from the grid.</li>`
      : repeat(chain, (entry) => entry.key, step),
    list,
  );
}
