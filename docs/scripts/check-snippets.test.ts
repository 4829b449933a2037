import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The command itself, as `npm test` runs it: exit code and what a learner reads.
const SCRIPT = fileURLToPath(new URL('./check-snippets.ts', import.meta.url));
const run = (site: string) =>
  spawnSync(process.execPath, ['--import', 'tsx', SCRIPT, site], { encoding: 'utf8' });

describe('check-snippets command', () => {
  test('fails with the list of broken imports', { timeout: 20_000 }, () => {
    const result = run(fileURLToPath(new URL('./fixtures/site/', import.meta.url)));
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('5 code snippet imports are wrong:');
    expect(result.stderr).toContain('guide/broken.md:3 → code/missing.ts#anything: no such file');
    expect(result.stderr).toContain('guide/broken.md:7 → code/sample.ts#farewell: no region');
    expect(result.stderr).toContain(
      'codelab/step-01-sample.md:5 → code/sample.ts#greet: no caption',
    );
  });

  test('passes on a site whose imports all exist', { timeout: 20_000 }, () => {
    const result = run(fileURLToPath(new URL('./fixtures/clean-site/', import.meta.url)));
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('1 imports in 1 pages');
  });
});
