/** How deep and how large a JSON-like value is. */
export interface JsonShape {
  /** Levels of nesting: 0 for a string or a number, 1 for `[]` or `{}`, 2 for `[[]]`, … */
  depth: number;
  /** At least this many bytes of JSON: one per value, plus each string's and key's length. */
  size: number;
  /** Some object in it has an own key `__proto__`. */
  protoKey: boolean;
  /** Measuring stopped at a limit, so `depth` or `size` only says "more than the limit". */
  stopped: boolean;
}

/**
 * Measures `value` with a list of values still to visit instead of recursion, so a message
 * nested 100,000 levels deep cannot overflow the call stack, and stops as soon as it passes
 * `stopAt`. Reading a property runs its getter: a getter that throws makes this throw.
 */
export function measureJson(value: unknown, stopAt: { depth: number; size: number }): JsonShape {
  const shape: JsonShape = { depth: 0, size: costOf(value), protoKey: false, stopped: false };
  // Each entry is a value and how many arrays or objects enclose it.
  const toVisit: [unknown, number][] = [[value, 0]];
  const tooLarge = () => shape.size > stopAt.size;
  while (toVisit.length > 0 && !tooLarge()) {
    const [item, enclosing] = toVisit.pop()!;
    if (typeof item !== 'object' || item === null) continue;
    const depth = enclosing + 1;
    shape.depth = Math.max(shape.depth, depth);
    if (depth > stopAt.depth) return { ...shape, stopped: true };
    if (Array.isArray(item)) {
      // Each element takes at least a byte: counting them all at once stops a sparse array
      // whose length is in the billions before the loop below even starts.
      shape.size += item.length;
      for (let i = 0; i < item.length && !tooLarge(); i++) {
        shape.size += costOf(item[i]) - 1;
        toVisit.push([item[i], depth]);
      }
    } else {
      for (const key of Object.keys(item)) {
        if (tooLarge()) break;
        const child = (item as Record<string, unknown>)[key];
        if (key === '__proto__') shape.protoKey = true;
        shape.size += key.length + costOf(child);
        toVisit.push([child, depth]);
      }
    }
  }
  return tooLarge() ? { ...shape, stopped: true } : shape;
}

function costOf(value: unknown): number {
  return typeof value === 'string' ? value.length + 1 : 1;
}
