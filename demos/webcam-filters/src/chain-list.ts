import { html, render } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { KeyedStep } from './chain.ts';

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
  chain: readonly KeyedStep[],
  actions: ChainListActions,
): void {
  const item = (step: KeyedStep, index: number) => {
    const { name, params } = step.filter;
    return html`<li data-filter-id=${step.filter.id}>
      <div class="step-head">
        <strong>${name}</strong>
        <button
          type="button"
          class="up"
          aria-label=${`Move ${name} earlier`}
          ?disabled=${index === 0}
          @click=${() => actions.move(step.key, -1)}
        >
          ↑
        </button>
        <button
          type="button"
          class="down"
          aria-label=${`Move ${name} later`}
          ?disabled=${index === chain.length - 1}
          @click=${() => actions.move(step.key, 1)}
        >
          ↓
        </button>
        <button
          type="button"
          class="remove"
          aria-label=${`Remove ${name}`}
          @click=${() => actions.remove(step.key)}
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
              .value=${String(step.values[param.name])}
              @input=${(event: Event) =>
                actions.set(step.key, param.name, Number((event.target as HTMLInputElement).value))}
            />
            <output>${step.values[param.name]}</output>
          </label>`,
      )}
    </li>`;
  };
  render(
    chain.length === 0
      ? html`<li class="empty">No filter yet: pick one from the grid.</li>`
      : repeat(chain, (step) => step.key, item),
    list,
  );
}
