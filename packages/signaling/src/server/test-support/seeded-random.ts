/** Random choices from a seed, so a failing fuzz run replays exactly with the same seed. */
export interface Random {
  /** A number in [0, 1). */
  next(): number;
  /** An integer from `min` to `max`, both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  chance(probability: number): boolean;
}

/** The seed of this run: `FUZZ_SEED` from the environment, or a fixed default. */
export function fuzzSeed(env: NodeJS.ProcessEnv = process.env): number {
  const seed = Number(env.FUZZ_SEED ?? 20_261_201);
  if (!Number.isInteger(seed))
    throw new Error(`FUZZ_SEED must be an integer; got "${env.FUZZ_SEED}".`);
  return seed;
}

export function seededRandom(seed: number): Random {
  const next = mulberry32(seed);
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)]!,
    chance: (probability) => next() < probability,
  };
}

/** mulberry32: a 32-bit generator in four lines, plenty for test data (not for secrets). */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
