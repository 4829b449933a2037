import { describeTabs, type Tab } from './page-report.ts';
import { patience } from './patience.ts';

/**
 * A check that did not hold, in words: what was expected, what the page did, the state of its
 * calls, and a hint when a known mistake explains it. `run-checks` prints it as it is.
 */
export class CheckFailure extends Error {
  override name = 'CheckFailure';
}

export interface FailureDetails {
  /** The tabs whose calls and console errors to describe. */
  tabs?: readonly Tab[];
  /** Looks for a known mistake once the check failed: a hint naming the line, if it finds one. */
  diagnose?: () => Promise<string | undefined> | string | undefined;
}

/** Throws a `CheckFailure` saying what was expected and what the page did instead. */
export async function fail(
  expected: string,
  got: string,
  details: FailureDetails = {},
): Promise<never> {
  const lines = [`Expected: ${expected}`, `Got: ${got}`];
  if (details.tabs?.length) lines.push(...(await describeTabs(details.tabs)));
  const hint = await details.diagnose?.();
  if (hint) lines.push(`Hint: ${hint}`);
  throw new CheckFailure(lines.join('\n'));
}

export interface WaitOptions<T> extends FailureDetails {
  /** What the check waits for, in words: "#remote playing the other tab's video". */
  expected: string;
  /** What the page shows instead, from the last value read. */
  got: (value: T) => string;
  /** How long to wait, in milliseconds (15 s unless said). */
  timeout?: number;
}

/**
 * Reads `read()` until `ok` holds, and returns that value; after `timeout`, fails with the last
 * value read in words. Fake media is periodic, so what is read must be something that holds
 * once reached (a state, a count, a peak), not a momentary value.
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  { expected, got, timeout: wanted = 15_000, ...details }: WaitOptions<T>,
): Promise<T> {
  const timeout = patience(wanted);
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) {
      return fail(`${expected}, within ${Math.round(timeout / 1000)} s`, got(value), details);
    }
    await new Promise((resolve) => setTimeout(resolve, 250)); // the polling interval
  }
}
