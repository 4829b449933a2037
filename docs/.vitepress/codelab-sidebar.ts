import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A sidebar link, in VitePress's `DefaultTheme.SidebarItem` shape. */
export interface SidebarLink {
  text: string;
  link: string;
}

/** `step-NN-name.md`: the pages the codelab's steps are written in. */
const STEP_PAGE = /^step-(\d+)-[\w-]+\.md$/;

/**
 * The codelab's sidebar links, built from the step pages present in `codelabDir` (sorted by step
 * number, titled by each page's first `# ` heading), so a step shows up as soon as its page
 * exists and the sidebar never links to a page that does not.
 */
export function codelabSidebar(codelabDir: string): SidebarLink[] {
  let names: string[];
  try {
    names = readdirSync(codelabDir, { withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names
    .flatMap((name) => {
      const step = STEP_PAGE.exec(name)?.[1];
      return step === undefined ? [] : [{ name, step: Number(step) }];
    })
    .sort((a, b) => a.step - b.step || (a.name < b.name ? -1 : 1))
    .map(({ name }) => ({
      text: pageTitle(readFileSync(join(codelabDir, name), 'utf8')) ?? titleFromFileName(name),
      link: `/codelab/${name.replace(/\.md$/, '')}`,
    }));
}

/**
 * A page's title: its first `# ` heading outside front matter and fenced code, without a
 * trailing `{#custom-anchor}`. Undefined if it has none.
 */
export function pageTitle(markdown: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  let start = 0;
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, i) => i > 0 && line.trim() === '---');
    if (end > 0) start = end + 1;
  }
  let fence: string | undefined;
  for (const line of lines.slice(start)) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (!fence || marker.startsWith(fence))) {
      fence = fence ? undefined : marker;
      continue;
    }
    if (fence) continue;
    const heading = /^ {0,3}# +(.+?)(?: +#+)?\s*$/.exec(line)?.[1];
    if (heading) return heading.replace(/\s*\{#[\w-]+\}$/, '').trim();
  }
  return undefined;
}

/** `step-03-first-call.md` → `Step 3: first call`, for a page without a heading yet. */
export function titleFromFileName(name: string): string {
  const [, step = '', words = ''] = /^step-(\d+)-(.+)\.md$/.exec(name) ?? [];
  return `Step ${Number(step)}: ${words.replace(/-/g, ' ')}`;
}
