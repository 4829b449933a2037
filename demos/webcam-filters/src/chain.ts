import { defaultValues, type FilterDefinition } from './filter-catalogue.ts';
import type { ChainStep } from './frame-renderer.ts';

/** A step in the editable chain, with a key so the list can tell two "Sepia" steps apart. */
export interface KeyedStep extends ChainStep {
  key: number;
}

/** Each step is a full-screen pass: more than this costs more than it shows. */
export const MAX_CHAIN_LENGTH = 6;

let lastKey = 0;

// Every change returns a new array, so the page can compare, undo or log chains freely.

/** Adds `filter` at the end with its default values (the chain stays as it is when full). */
export function addStep(chain: readonly KeyedStep[], filter: FilterDefinition): KeyedStep[] {
  if (chain.length >= MAX_CHAIN_LENGTH) return [...chain];
  return [...chain, { key: ++lastKey, filter, values: defaultValues(filter) }];
}

/** Removes the step with this key. */
export function removeStep(chain: readonly KeyedStep[], key: number): KeyedStep[] {
  return chain.filter((step) => step.key !== key);
}

/** Moves the step with this key `by` places (-1 = earlier), stopping at either end. */
export function moveStep(chain: readonly KeyedStep[], key: number, by: number): KeyedStep[] {
  const from = chain.findIndex((step) => step.key === key);
  const to = Math.min(chain.length - 1, Math.max(0, from + by));
  const next = [...chain];
  if (from < 0) return next;
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

/** Sets one slider of one step, clamped to the parameter's range. */
export function setStepValue(
  chain: readonly KeyedStep[],
  key: number,
  name: string,
  value: number,
): KeyedStep[] {
  return chain.map((step) => {
    const param = step.filter.params.find((candidate) => candidate.name === name);
    if (step.key !== key || !param) return step;
    const clamped = Math.min(param.max, Math.max(param.min, value));
    return { ...step, values: { ...step.values, [name]: clamped } };
  });
}
