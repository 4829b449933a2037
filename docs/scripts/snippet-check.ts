import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseCaptionTitle } from '../.vitepress/code-caption.ts';
import { captioned } from '../.vitepress/code-captions-plugin.ts';
import { listPages } from './site-pages.ts';
import { findSnippetImports, hasRegion, resolveSnippetPath } from './snippet-imports.ts';

/** A snippet import that would not show what its page means to show. */
export interface SnippetProblem {
  /** The page, relative to the site folder. */
  page: string;
  line: number;
  /** The imported file, relative to the site folder (as the page resolves it). */
  file: string;
  region?: string;
  reason: 'missing-file' | 'missing-region' | 'bad-caption';
  /** For a bad caption: what is wrong with it. */
  detail?: string;
}

/** What `checkSnippets` looked at, and what it found wrong. */
export interface SnippetReport {
  pages: number;
  snippets: number;
  problems: SnippetProblem[];
}

/**
 * Checks every snippet import (`<<< file#region`) of every page under `srcDir`: the file must
 * exist and, when a region is named, hold that region. VitePress would otherwise fail on the
 * file with a bare ENOENT, or silently include the whole file for a missing region.
 */
export async function checkSnippets(srcDir: string): Promise<SnippetReport> {
  const pages = await listPages(srcDir);
  const problems: SnippetProblem[] = [];
  let snippets = 0;
  const sources = new Map<string, Promise<string | undefined>>();
  const readSource = (file: string) => {
    if (!sources.has(file)) sources.set(file, readFileIfAny(file));
    return sources.get(file)!;
  };

  for (const page of pages) {
    const pageFile = join(srcDir, page);
    for (const snippet of findSnippetImports(await readFile(pageFile, 'utf8'))) {
      snippets += 1;
      const target = resolveSnippetPath(snippet.path, pageFile, srcDir);
      const source = await readSource(target);
      const base = { page, line: snippet.line, file: relative(srcDir, target) };
      const region = snippet.region === undefined ? {} : { region: snippet.region };
      const caption = captioned(page) && captionProblem(snippet.title);
      if (caption) problems.push({ ...base, ...region, reason: 'bad-caption', detail: caption });
      if (source === undefined) {
        problems.push({ ...base, ...region, reason: 'missing-file' });
      } else if (snippet.region !== undefined && !hasRegion(source, snippet.region)) {
        problems.push({ ...base, ...region, reason: 'missing-region' });
      }
    }
  }
  return { pages: pages.length, snippets, problems };
}

/** Why a codelab snippet's `[title]` is not a caption (undefined when it is one). */
function captionProblem(title: string | undefined): string | undefined {
  if (title === undefined) return 'no caption: add [new file], [add], [change], [read only]…';
  const parsed = parseCaptionTitle(title);
  return typeof parsed === 'string' ? parsed : undefined;
}

/** One line per problem, `page:line → file#region: what is wrong`. */
export function formatProblems(problems: readonly SnippetProblem[]): string {
  return problems
    .map((problem) => {
      const region = problem.region ? `#${problem.region}` : '';
      const where = `${problem.page}:${problem.line} → ${problem.file}`;
      if (problem.reason === 'missing-file') return `${where}${region}: no such file`;
      if (problem.reason === 'bad-caption') return `${where}${region}: ${problem.detail}`;
      return `${where}${region}: no region "${problem.region}" (add // #region ${problem.region} … // #endregion ${problem.region})`;
    })
    .join('\n');
}

async function readFileIfAny(file: string): Promise<string | undefined> {
  try {
    if (!(await stat(file)).isFile()) return undefined;
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}
