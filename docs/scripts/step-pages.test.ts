import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { checkTitles, pageChecklist } from './checklists.ts';
import { learnerFiles, listStepPages, stepPageProblems } from './step-pages.ts';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const repoRoot = join(docsDir, '..');
const pages = listStepPages(docsDir);
const fixtureRoot = fileURLToPath(new URL('./fixtures/steps/', import.meta.url));

test('there is a page for each of the ten steps', () => {
  expect(pages.map((page) => page.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
});

describe.each(pages)('$page', (stepPage) => {
  test('builds every file of the step, in order, and ends with each file whole', () => {
    expect(stepPageProblems(stepPage, docsDir, repoRoot)).toEqual([]);
  });

  test('its "Check your work" list is the checker’s checks, one to one, in order', () => {
    const page = readFileSync(join(docsDir, stepPage.page), 'utf8');
    const checks = readFileSync(
      join(
        repoRoot,
        'codelab/checker/checks',
        `step-${String(stepPage.step).padStart(2, '0')}.check.ts`,
      ),
      'utf8',
    );
    expect(checkTitles(checks).length).toBeGreaterThan(0);
    expect(pageChecklist(page)).toEqual(checkTitles(checks));
  });

  test('its regions start and end between top-level statements, so functions show whole', () => {
    const stepDir = join(repoRoot, stepPage.stepDir);
    const indented = learnerFiles(stepDir)
      .filter((file) => file.endsWith('.ts'))
      .flatMap((file) =>
        readFileSync(join(stepDir, file), 'utf8')
          .split('\n')
          .flatMap((line, index) =>
            /^\s+\/\/ ?#(end)?region\b/.test(line) ? [`${file}:${index + 1}`] : [],
          ),
      );
    expect(indented).toEqual([]);
  });
});

describe('stepPageProblems on a fixture step', () => {
  const problems = (page: string) =>
    stepPageProblems(
      { page: `codelab/${page}`, stepDir: 'codelab/step-01-demo', step: 1 },
      join(fixtureRoot, 'docs'),
      fixtureRoot,
    );

  test('accepts a page whose snippets, in order, make the file', () => {
    expect(problems('step-01-demo.md')).toEqual([]);
  });

  test('names a snippet out of order, a missing caption kind, and a file never shown whole', () => {
    expect(problems('step-01-out-of-order.md')).toEqual([
      'codelab/step-01-out-of-order.md: index.html is not shown whole in a ::: details block',
      'codelab/step-01-out-of-order.md:9: index.html already exists: caption it [change: where]',
      'codelab/step-01-out-of-order.md:5: caption it [add]',
      'codelab/step-01-out-of-order.md: src/main.ts, typed in page order, gives "export function main(): void {" where the file has "const greeting = \'hello\';"',
    ]);
  });
});

describe('pageChecklist and checkTitles', () => {
  test('read the bold titles of the numbered list, and the first argument of each check', () => {
    const page = [
      '## Check your work',
      '',
      '1. **Start shows your camera.** Click Start.',
      '   - not an item',
      '2. **The `#level` meter moves**: speak.',
      '',
      '## Bonus',
      '1. **Not a check.**',
    ].join('\n');
    expect(pageChecklist(page)).toEqual(['Start shows your camera', 'The #level meter moves']);
    const checks = [
      "const START = 'Start shows your camera';",
      'check(\n  START,\n  { hint: "x" },\n);',
      "check('The #level meter moves', {});",
    ].join('\n');
    expect(checkTitles(checks)).toEqual(['Start shows your camera', 'The #level meter moves']);
  });
});
