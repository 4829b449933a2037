import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { listPages, SRC_EXCLUDE } from './site-pages.ts';

let root: string | undefined;
afterEach(() => root && rmSync(root, { recursive: true, force: true }));

function site(files: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'peerlab-docs-'));
  for (const file of files) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), '# Page\n');
  }
  return root;
}

describe('listPages', () => {
  test('lists Markdown pages the way VitePress does, sorted', async () => {
    const dir = site([
      'index.md',
      'codelab/step-02-call.md',
      'codelab/index.md',
      'glossary.md',
      'codelab/notes.txt',
      '.vitepress/theme/readme.md',
      'node_modules/pkg/readme.md',
      'codelab/node_modules/x/readme.md',
      'scripts/fixtures/site/index.md',
      'public/diagrams/readme.md',
      'dist/index.md',
      'playwright-report/data/abc.md',
      'test-results/x/error-context.md',
    ]);
    expect(await listPages(dir)).toEqual([
      'codelab/index.md',
      'codelab/step-02-call.md',
      'glossary.md',
      'index.md',
    ]);
  });

  test('the folders it skips are the srcExclude globs given to VitePress', () => {
    expect(SRC_EXCLUDE).toEqual([
      'scripts/**',
      'public/**',
      'dist/**',
      'e2e/**',
      'test-results/**',
      'playwright-report/**',
    ]);
  });
});
