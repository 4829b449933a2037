import { dirname, resolve } from 'node:path';

/** One `<<< path#region` line of a page: a code snippet VitePress reads from a file. */
export interface SnippetImport {
  /** 1-based line number in the page. */
  line: number;
  /** The path as written, such as `@/../demos/video-room/src/main.ts`. */
  path: string;
  /** The region after `#`, if any. */
  region?: string;
}

// VitePress 1.x's own pattern (its snippet plugin): path, #region, {lines lang}, [title].
const SNIPPET_PATH =
  /^(.+?(?:(?:\.([a-z0-9]+))?))(?:(#[\w-]+))?(?: ?(?:{(\d+(?:[,-]\d+)*)? ?(\S+)? ?(\S+)?}))? ?(?:\[(.+)\])?$/;
const SNIPPET_LINE = /^\s*<<<(.*)$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Finds the snippet imports of a Markdown page, skipping lines inside fenced code blocks (where
 * `<<<` is just text, as in a page that shows the syntax).
 */
export function findSnippetImports(markdown: string): SnippetImport[] {
  const imports: SnippetImport[] = [];
  let fence: string | undefined;
  markdown.split(/\r?\n/).forEach((text, index) => {
    const [, marker, info = ''] = FENCE.exec(text) ?? [];
    if (fence) {
      // A fence closes with the same character, at least as long, and nothing after it.
      if (marker && marker[0] === fence[0] && marker.length >= fence.length && !info.trim()) {
        fence = undefined;
      }
      return;
    }
    if (marker) {
      fence = marker;
      return;
    }
    const raw = SNIPPET_LINE.exec(text)?.[1]?.trim();
    if (raw === undefined) return;
    const [, path = raw, , region] = SNIPPET_PATH.exec(raw) ?? [];
    imports.push({ line: index + 1, path, ...(region && { region: region.slice(1) }) });
  });
  return imports;
}

/** The file a snippet path points at: `@` is the site's source folder, others are page-relative. */
export function resolveSnippetPath(path: string, pageFile: string, srcDir: string): string {
  return path.startsWith('@') ? resolve(srcDir + path.slice(1)) : resolve(dirname(pageFile), path);
}

// The region markers VitePress recognises, one pattern per comment style.
const REGION_MARKERS = [
  /^\/\/ ?#?((?:end)?region) ([\w*-]+)$/, // JavaScript, TypeScript
  /^\/\* ?#((?:end)?region) ([\w*-]+) ?\*\/$/, // CSS
  /^<!-- #?((?:end)?region) ([\w*-]+) -->$/, // HTML, Markdown
  /^# ?((?:end)?region) ([\w*-]+)$/, // shell, YAML, Python
];

/**
 * Whether `source` has the region `name`: a start marker and a matching end marker after it in
 * the same comment style. VitePress includes the whole file when this is false.
 */
export function hasRegion(source: string, name: string): boolean {
  let style: RegExp | undefined;
  for (const line of source.split(/\r?\n/).map((text) => text.trim())) {
    if (!style) {
      style = REGION_MARKERS.find((marker) => isMarker(line, marker, name, /^region$/i));
    } else if (isMarker(line, style, name, /^end ?region$/i)) {
      return true;
    }
  }
  return false;
}

function isMarker(line: string, marker: RegExp, name: string, tag: RegExp): boolean {
  const [, found, markerName] = marker.exec(line) ?? [];
  return found !== undefined && markerName === name && tag.test(found);
}
