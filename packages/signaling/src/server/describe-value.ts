/** The most characters of an untrusted string an error sentence repeats. */
const SHOWN_CHARACTERS = 40;

/** Untrusted text, quoted for a sentence: cut to `max` characters, control characters escaped. */
export function quoteText(text: string, max = SHOWN_CHARACTERS): string {
  return JSON.stringify(cut(text, max));
}

/** Like quoteText, without the quotes: for a sentence that quotes the sender's words itself. */
export function plainText(text: string, max = SHOWN_CHARACTERS): string {
  return cut(text, max).replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/**
 * Names an untrusted value in an error sentence without calling anything on it. `String(x)`
 * and `${x}` run x's own toString or valueOf, which a hostile message can make throw; here
 * only primitives are turned into text, and anything else is named by its kind.
 */
export function describeValue(value: unknown): string {
  try {
    switch (typeof value) {
      case 'string':
        return quoteText(value);
      case 'number':
      case 'boolean':
        return String(value);
      case 'bigint':
        return 'a BigInt';
      case 'undefined':
        return 'nothing';
      case 'symbol':
        return 'a symbol';
      case 'function':
        return 'a function';
      default:
        if (value === null) return 'null';
        return Array.isArray(value) ? 'an array' : 'an object';
    }
  } catch {
    // Array.isArray throws on a revoked Proxy.
    return 'an unreadable value';
  }
}

/** An event name for the `event` field of an error: strings only, cut to a readable length. */
export function eventLabel(event: unknown): string | undefined {
  return typeof event === 'string' ? plainText(event) : undefined;
}

/** Something thrown, in one short line for the log; never throws itself. */
export function describeThrown(thrown: unknown): string {
  try {
    if (thrown instanceof Error) {
      return plainText(
        `${String(thrown.name)}: ${String(thrown.message)}`.replace(/\s+/g, ' '),
        200,
      );
    }
  } catch {
    // A getter of a hostile Error subclass threw: name it by its kind below.
  }
  return describeValue(thrown);
}
