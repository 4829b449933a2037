import type { CheckResult } from './run-checks.ts';

const MARK = { passed: '✓', failed: '✗', skipped: '–' } as const;

/** `What happened:` and the lines under it, indented under the check's title. */
const indent = (text: string, first: string) =>
  text
    .split('\n')
    .map((line, index) => `${index === 0 ? first : ' '.repeat(first.length)}${line}`)
    .join('\n');

/** Prints each check, and for a failed one what happened, a hint and its trace. */
export function printResults(results: readonly CheckResult[]): number {
  for (const result of results) {
    const skipped = result.status === 'skipped' && result.because;
    const why = skipped ? ` (skipped because "${result.because}" failed)` : '';
    console.info(`${MARK[result.status]} ${result.title}${why}`);
    if (result.status !== 'failed') continue;
    if (result.problem) console.info(indent(result.problem, '    What happened: '));
    console.info(indent(result.hint, '    Hint: '));
    for (const trace of result.traces ?? []) {
      console.info(`    Trace: npx playwright show-trace ${trace}`);
    }
  }
  const count = (status: CheckResult['status']) =>
    results.filter((r) => r.status === status).length;
  const skipped = count('skipped');
  console.info(
    `\n${count('passed')} passed, ${count('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`,
  );
  return count('passed');
}
