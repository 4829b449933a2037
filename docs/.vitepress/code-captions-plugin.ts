import { readFileSync } from 'node:fs';
import type { MarkdownOptions } from 'vitepress';
import { captionOf, kindAttribute, renderCaption } from './code-caption.ts';
import { stripRegionMarkers } from '../scripts/snippet-imports.ts';

type MarkdownIt = Parameters<NonNullable<MarkdownOptions['config']>>[0];
type FenceRule = NonNullable<MarkdownIt['renderer']['rules']['fence']>;

/** What VitePress's snippet plugin leaves on a `<<<` token: the file and the region. */
type SnippetToken = { src?: [string, string] };

/**
 * Puts a caption above every code block: the file (for `<<<` imports, named from the path) and
 * what to do with the code, from the block's `[kind]` or `[kind: note]` title. VitePress shows
 * titles only in code groups, so without this a snippet never says where it goes.
 *
 * A block without a valid title gets no caption: `npm run check:snippets` names it, and the
 * built-site test fails on it. Whole-file imports (no `#region`) are shown without their region
 * markers, which VitePress would otherwise print.
 */
export function codeCaptions(md: MarkdownIt, { repoRoot }: { repoRoot: string }): void {
  const fence: FenceRule = md.renderer.rules.fence!;
  md.renderer.rules.fence = (tokens, idx, options, env, self) => {
    const token = tokens[idx]!;
    const info = token.info.trim();
    const page = (env as { relativePath?: string }).relativePath ?? '';
    // Mermaid blocks render as diagrams, not code.
    if (!captioned(page) || info === 'mermaid') return fence(tokens, idx, options, env, self);
    const snippet = token as typeof token & SnippetToken;
    const [path, region] = snippet.src ?? [];
    if (path && !region) showWithoutMarkers(snippet, path, env);
    const caption = captionOf(info, path ? { path, page, repoRoot } : undefined);
    const html = fence(tokens, idx, options, env, self);
    if (typeof caption === 'string') return html;
    return `<figure class="code-block" data-kind="${kindAttribute(caption.kind)}">${renderCaption(caption)}${html}</figure>`;
  };
}

/** The pages whose code blocks carry captions: the codelab's, where learners type the code. */
export const captioned = (page: string) => page.startsWith('codelab/');

/** Reads a whole-file import itself, without region markers, and tells VitePress it did. */
function showWithoutMarkers(token: { content: string } & SnippetToken, path: string, env: unknown) {
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    return; // VitePress's own rule reports the missing file
  }
  token.content = stripRegionMarkers(source.replace(/\r\n/g, '\n'));
  delete token.src;
  // The dev server reloads the page when an included file changes.
  (env as { includes?: string[] }).includes?.push(path);
}
