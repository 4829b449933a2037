/**
 * `npm run check:snippets`: fails when a page imports a code snippet (`<<< file#region`) from a
 * file or region that does not exist, or when a codelab page's snippet has no caption
 * (`[new file]`, `[add]`…). Usage: check-snippets.ts [site folder, default docs/].
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSnippets, formatProblems } from './snippet-check.ts';

const srcDir = resolve(process.argv[2] ?? fileURLToPath(new URL('..', import.meta.url)));
const { pages, snippets, problems } = await checkSnippets(srcDir);
if (problems.length > 0) {
  console.error(
    `${problems.length} code snippet import${problems.length === 1 ? ' is' : 's are'} wrong:\n` +
      `${formatProblems(problems)}\n` +
      'VitePress would fail on a missing file and show the whole file for a missing region; ' +
      'a codelab snippet without a caption does not say where its code goes.',
  );
  process.exitCode = 1;
} else {
  console.info(
    `Code snippets: ${snippets} imports in ${pages} pages, every file and region found, every codelab snippet captioned.`,
  );
}
