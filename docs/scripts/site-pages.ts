import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Top-level folders of `docs/` that hold no pages: tooling (and its fixtures), assets, output,
 * and what the built-site tests leave behind (Playwright's report holds Markdown files).
 */
export const NON_PAGE_FOLDERS = [
  'scripts',
  'public',
  'dist',
  'e2e',
  'test-results',
  'playwright-report',
] as const;

/** The same folders as VitePress `srcExclude` globs, so the site and the checks see one page set. */
export const SRC_EXCLUDE = NON_PAGE_FOLDERS.map((folder) => `${folder}/**`);

/**
 * Lists the Markdown pages VitePress builds from `srcDir`, as sorted `/`-separated paths relative
 * to it: every `.md` file except those in `node_modules`, dot-folders (`.vitepress`) and
 * `NON_PAGE_FOLDERS`.
 */
export async function listPages(srcDir: string): Promise<string[]> {
  const pages: string[] = [];
  async function walk(relative: string): Promise<void> {
    for (const entry of await readdir(join(srcDir, relative), { withFileTypes: true })) {
      const path = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        const skipped =
          entry.name === 'node_modules' ||
          entry.name.startsWith('.') ||
          (!relative && (NON_PAGE_FOLDERS as readonly string[]).includes(entry.name));
        if (!skipped) await walk(path);
      } else if (entry.isFile() && entry.name.endsWith('.md')) {
        pages.push(path);
      }
    }
  }
  await walk('');
  return pages.sort();
}
