/**
 * Character ramps, each from least ink to most ink. On a dark page ink is light, so the first
 * character stands for black and the last for white.
 */
export const RAMPS = {
  /** Paul Bourke's 70 levels (https://paulbourke.net/dataformats/asciiart/), sparse to dense. */
  standard: ' .\'`^",:;Il!i><~+_-?][}{1)(|\\/tfjrxnuvczXYUJCLQ0OZmwqpdbkhao*#MW&8%B@$',
  /** Ten levels that read well even at 40 columns. */
  short: ' .:-=+*#%@',
  /** Unicode shade blocks: four levels that fill the whole cell. */
  blocks: '░▒▓█',
  /** Two levels: a threshold at mid-grey. */
  binary: ' #',
} as const;

export type RampName = keyof typeof RAMPS;

export const isRampName = (name: string): name is RampName => name in RAMPS;
