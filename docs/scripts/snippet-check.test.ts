import { describe, expect, test } from 'vitest';
import { checkSnippets, formatProblems } from './snippet-check.ts';

const SITE = new URL('./fixtures/site/', import.meta.url).pathname;

describe('checkSnippets on the fixture site', () => {
  test('reports each missing file, missing region and unterminated region, page by page', async () => {
    const report = await checkSnippets(SITE);
    expect(report.pages).toBe(4);
    expect(report.snippets).toBe(11);
    expect(report.problems).toEqual([
      {
        page: 'codelab/step-01-sample.md',
        line: 5,
        file: 'code/sample.ts',
        region: 'greet',
        reason: 'bad-caption',
        detail: 'no caption: add [new file], [add], [change], [read only]…',
      },
      {
        page: 'codelab/step-01-sample.md',
        line: 7,
        file: 'code/sample.ts',
        region: 'greet',
        reason: 'bad-caption',
        detail:
          '"copy it" is not a caption kind (one of: new file, add, change, read only, whole file, run)',
      },
      {
        page: 'guide/broken.md',
        line: 3,
        file: 'code/missing.ts',
        region: 'anything',
        reason: 'missing-file',
      },
      {
        page: 'guide/broken.md',
        line: 7,
        file: 'code/sample.ts',
        region: 'farewell',
        reason: 'missing-region',
      },
      {
        page: 'guide/broken.md',
        line: 11,
        file: 'code/sample.ts',
        region: 'unterminated',
        reason: 'missing-region',
      },
    ]);
  });
});

describe('formatProblems', () => {
  test('one line per problem: page:line → file#region and what to do', () => {
    expect(
      formatProblems([
        { page: 'a.md', line: 3, file: '../x.ts', region: 'r', reason: 'missing-file' },
        { page: 'b.md', line: 9, file: '../y.ts', region: 'join', reason: 'missing-region' },
        { page: 'c.md', line: 1, file: 'z.ts', reason: 'missing-file' },
        { page: 'd.md', line: 2, file: 'w.ts', reason: 'bad-caption', detail: 'no caption' },
      ]).split('\n'),
    ).toEqual([
      'a.md:3 → ../x.ts#r: no such file',
      'b.md:9 → ../y.ts#join: no region "join" (add // #region join … // #endregion join)',
      'c.md:1 → z.ts: no such file',
      'd.md:2 → w.ts: no caption',
    ]);
  });
});
