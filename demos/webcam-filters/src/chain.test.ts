import { describe, expect, it } from 'vitest';
import { addStep, MAX_CHAIN_LENGTH, moveStep, removeStep, setStepValue } from './chain.ts';
import { filterById } from './filter-catalogue.ts';

const ids = (chain: { filter: { id: string } }[]) => chain.map((step) => step.filter.id);
const [sepia, pixelate, mirror] = ['sepia', 'pixelate', 'mirror'].map(filterById);
const three = () => addStep(addStep(addStep([], sepia!), pixelate!), mirror!);

describe('the filter chain', () => {
  it('adds steps at the end with default values, up to the limit', () => {
    const chain = three();
    expect(ids(chain)).toEqual(['sepia', 'pixelate', 'mirror']);
    expect(chain[1]!.values).toEqual({ size: 12 });
    let full = chain;
    for (let i = 0; i < 10; i++) full = addStep(full, sepia!);
    expect(full).toHaveLength(MAX_CHAIN_LENGTH);
  });

  it('tells two steps of the same filter apart by key', () => {
    const chain = addStep(addStep([], sepia!), sepia!);
    expect(chain[0]!.key).not.toBe(chain[1]!.key);
    expect(removeStep(chain, chain[0]!.key).map((step) => step.key)).toEqual([chain[1]!.key]);
  });

  it('moves a step earlier or later, stopping at the ends', () => {
    const chain = three();
    const mirrorKey = chain[2]!.key;
    expect(ids(moveStep(chain, mirrorKey, -1))).toEqual(['sepia', 'mirror', 'pixelate']);
    expect(ids(moveStep(chain, mirrorKey, -5))).toEqual(['mirror', 'sepia', 'pixelate']);
    expect(ids(moveStep(chain, mirrorKey, 1))).toEqual(['sepia', 'pixelate', 'mirror']);
    expect(ids(moveStep(chain, 999, 1))).toEqual(['sepia', 'pixelate', 'mirror']);
  });

  it('sets a slider, clamped to its range, without touching the others', () => {
    const chain = three();
    const key = chain[1]!.key;
    expect(setStepValue(chain, key, 'size', 20)[1]!.values).toEqual({ size: 20 });
    expect(setStepValue(chain, key, 'size', 1000)[1]!.values).toEqual({ size: 64 });
    expect(setStepValue(chain, key, 'nope', 3)[1]).toBe(chain[1]);
    expect(setStepValue(chain, key, 'size', 20)[0]).toBe(chain[0]);
  });
});
