import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@peerlab/testing';
import { listPages } from '../scripts/site-pages.ts';

const docsDir = fileURLToPath(new URL('..', import.meta.url));
const pages = await listPages(docsDir);
const urlOf = (page: string) => `/docs/${page.replace(/(index)?\.md$/, '')}`;

/** Opens a page of the built site with every collapsed block (`::: details`) opened. */
async function openPage(page: Page, hubUrl: string, file: string): Promise<void> {
  await page.goto(new URL(urlOf(file), hubUrl).href);
  await expect(page.locator('.vp-doc h1')).toBeVisible();
  await page
    .locator('.vp-doc details')
    .evaluateAll((blocks: HTMLDetailsElement[]) => blocks.forEach((block) => (block.open = true)));
}

test.beforeAll(({ hub }) => {
  if (!hub.docs.built) throw new Error('Build the docs first: npm run build --workspace docs');
});

for (const file of pages.filter((page) => page.startsWith('codelab/'))) {
  test(`${file}: every code block has a caption: the file, and what to do`, async ({
    page,
    hub,
  }) => {
    await openPage(page, hub.url, file);
    const blocks = page.locator('.vp-doc div[class*="language-"]');
    expect(await blocks.count()).toBeGreaterThan(0);
    // The first line of each block without its caption: enough to find it on the page.
    const uncaptioned = await blocks.evaluateAll((elements) =>
      elements
        .filter((block) => {
          const figure = block.parentElement;
          const caption = figure?.firstElementChild;
          return !(figure?.matches('figure.code-block') && caption?.matches('figcaption'));
        })
        .map((block) => block.querySelector('code')?.textContent?.split('\n')[0] ?? ''),
    );
    expect(uncaptioned, 'code blocks without a caption').toEqual([]);
    // Read at once, in the page: one round trip, not three per caption.
    const captions = await page.locator('.vp-doc figcaption.code-caption').evaluateAll((elements) =>
      elements.map((caption) => ({
        visible: caption.checkVisibility(),
        file: caption.querySelector('.code-file')?.textContent?.trim() ?? '',
        kind: caption.querySelector('.code-kind')?.textContent?.trim() ?? '',
      })),
    );
    expect(captions).toHaveLength(await blocks.count());
    const KIND = /^(new file|add below|change|read only|whole file, to compare|run)$/;
    const bad = captions.filter(({ visible, file, kind }) => !visible || !file || !KIND.test(kind));
    expect(bad, 'captions hidden, without a file, or without a kind').toEqual([]);
  });
}

// What Mermaid calls each kind of diagram in the SVG it draws (an error draws `error`).
const ROLE = { sequenceDiagram: 'sequence', flowchart: 'flowchart-v2' } as const;

for (const file of pages) {
  const diagrams = [
    ...readFileSync(`${docsDir}/${file}`, 'utf8').matchAll(/^```mermaid\n(\w+)/gm),
  ].map((match) => match[1] as keyof typeof ROLE);
  if (diagrams.length === 0) continue;
  test(`${file}: each of its ${diagrams.length} diagrams renders`, async ({ page, hub }) => {
    await openPage(page, hub.url, file);
    const svgs = page.locator('.vp-doc .mermaid svg');
    await expect(svgs).toHaveCount(diagrams.length);
    for (const [index, kind] of diagrams.entries()) {
      const svg = svgs.nth(index);
      await expect(svg).toBeVisible();
      await expect(svg).toHaveAttribute('aria-roledescription', ROLE[kind]);
      await expect(svg).not.toContainText('Syntax error');
      // A flowchart drawn left to right is wide and flat; an empty SVG is neither.
      const box = await svg.boundingBox();
      expect(box && box.width > 100 && box.height > 40, `diagram ${index + 1} has a size`).toBe(
        true,
      );
    }
  });
}
