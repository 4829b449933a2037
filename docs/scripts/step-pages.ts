import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseCaptionTitle, type CaptionKind } from '../.vitepress/code-caption.ts';
import {
  findSnippetImports,
  regionLines,
  resolveSnippetPath,
  stripRegionMarkers,
} from './snippet-imports.ts';

/** A codelab step page and the app it explains. */
export interface StepPage {
  /** `codelab/step-06-video-call.md`, relative to the docs folder. */
  page: string;
  /** `codelab/step-06-video-call`, relative to the repository. */
  stepDir: string;
  step: number;
}

/** The step pages of `docs/codelab/`, in step order, each with its `codelab/<same name>/` app. */
export function listStepPages(docsDir: string): StepPage[] {
  return readdirSync(join(docsDir, 'codelab'))
    .flatMap((name) => {
      const match = /^(step-(\d+)-[\w-]+)\.md$/.exec(name);
      return match
        ? [{ page: `codelab/${name}`, stepDir: `codelab/${match[1]}`, step: Number(match[2]) }]
        : [];
    })
    .sort((a, b) => a.step - b.step);
}

/**
 * The files a learner writes for a step, relative to the step's folder: `index.html` and every
 * file of `src/` but unit tests.
 */
export function learnerFiles(stepDir: string): string[] {
  const src = readdirSync(join(stepDir, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && !/\.test\.ts$/.test(entry.name))
    .map((entry) => relative(stepDir, join(entry.parentPath, entry.name)).split(sep).join('/'));
  return ['index.html', ...src.sort()];
}

/** One `<<<` import of a step page, resolved. */
interface PageSnippet {
  line: number;
  /** Relative to the repository. */
  file: string;
  region?: string;
  kind?: CaptionKind;
  /** Whether it sits in a `::: details` block (collapsed on the page). */
  collapsed: boolean;
}

function pageSnippets(markdown: string, pageFile: string, docsDir: string, repoRoot: string) {
  const lines = markdown.split(/\r?\n/);
  const inDetails = (line: number) => {
    let open = false;
    for (const text of lines.slice(0, line - 1)) {
      if (/^\s*:::\s*details\b/.test(text)) open = true;
      else if (/^\s*:::\s*$/.test(text)) open = false;
    }
    return open;
  };
  return findSnippetImports(markdown).map((snippet): PageSnippet => {
    const parsed = snippet.title === undefined ? undefined : parseCaptionTitle(snippet.title);
    const path = resolveSnippetPath(snippet.path, pageFile, docsDir);
    return {
      line: snippet.line,
      file: relative(repoRoot, path).split(sep).join('/'),
      ...(snippet.region && { region: snippet.region }),
      ...(typeof parsed === 'object' && { kind: parsed.kind }),
      collapsed: inDetails(snippet.line),
    };
  });
}

/** The lines a snippet shows, trimmed, blank ones left out: what the comparison looks at. */
function shownLines(source: string, region: string | undefined): string[] {
  const lines = region
    ? (regionLines(source, region) ?? [])
    : stripRegionMarkers(source).split('\n');
  return lines.map((line) => line.trim()).filter(Boolean);
}

/**
 * What is wrong with a step page as instructions, one sentence each (none when a learner can
 * build the step from it alone):
 *
 * - every learner file but `index.html` is built by its `[new file]` snippet and then its
 *   `[add]` ones, which, typed in page order, make the whole file: nothing left out, nothing
 *   in the wrong place (the trickle-ICE code after a `return`, say);
 * - `index.html` is shown as `[change]`s;
 * - code from outside the step (a package, the hub, another step) is `[read only]`;
 * - the page ends with every learner file whole (`[whole file]`), collapsed.
 */
export function stepPageProblems(stepPage: StepPage, docsDir: string, repoRoot: string): string[] {
  const pageFile = join(docsDir, stepPage.page);
  const snippets = pageSnippets(readFileSync(pageFile, 'utf8'), pageFile, docsDir, repoRoot);
  const problems: string[] = [];
  const at = (snippet: PageSnippet) => `${stepPage.page}:${snippet.line}`;
  const own = `${stepPage.stepDir}/`;

  for (const snippet of snippets) {
    if (!snippet.file.startsWith(own) && snippet.kind !== 'read only') {
      problems.push(`${at(snippet)}: ${snippet.file} is not this step's: caption it [read only]`);
    }
  }
  for (const name of learnerFiles(join(repoRoot, stepPage.stepDir))) {
    const file = `${own}${name}`;
    const ofFile = snippets.filter((snippet) => snippet.file === file);
    const whole = ofFile.filter((snippet) => snippet.kind === 'whole file');
    if (!whole.some((snippet) => snippet.collapsed && !snippet.region)) {
      problems.push(`${stepPage.page}: ${name} is not shown whole in a ::: details block`);
    }
    const steps = ofFile.filter((snippet) => snippet.kind !== 'whole file');
    if (name === 'index.html') {
      for (const snippet of steps.filter((snippet) => snippet.kind !== 'change')) {
        problems.push(`${at(snippet)}: index.html already exists: caption it [change: where]`);
      }
      continue;
    }
    problems.push(...assemblyProblems(stepPage.page, name, file, steps, repoRoot, at));
  }
  return problems;
}

function assemblyProblems(
  page: string,
  name: string,
  file: string,
  snippets: PageSnippet[],
  repoRoot: string,
  at: (snippet: PageSnippet) => string,
): string[] {
  if (snippets.length === 0) return [`${page}: ${name} is written by no snippet of the page`];
  const problems: string[] = [];
  snippets.forEach((snippet, index) => {
    const expected: CaptionKind = index === 0 ? 'new file' : 'add';
    if (snippet.kind !== expected) problems.push(`${at(snippet)}: caption it [${expected}]`);
  });
  const source = readFileSync(join(repoRoot, file), 'utf8');
  const typed = snippets.flatMap((snippet) => shownLines(source, snippet.region));
  const wanted = shownLines(source, undefined);
  const differs = wanted.findIndex((line, index) => typed[index] !== line);
  if (differs >= 0) {
    const got = typed[differs] === undefined ? 'nothing more' : `"${typed[differs]}"`;
    problems.push(
      `${page}: ${name}, typed in page order, gives ${got} where the file has "${wanted[differs]}"`,
    );
  } else if (typed.length > wanted.length) {
    problems.push(`${page}: ${name}, typed in page order, has more lines than the file`);
  }
  return problems;
}
