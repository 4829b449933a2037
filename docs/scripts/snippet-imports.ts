import { dirname, resolve } from 'node:path';

/** One `<<< path#region` line of a page: a code snippet VitePress reads from a file. */
export interface SnippetImport {
  /** 1-based line number in the page. */
  line: number;
  /** The path as written, such as `@/../demos/video-room/src/main.ts`. */
  path: string;
  /** The region after `#`, if any. */
  region?: string;
  /** The `[title]` after the path, if any: the caption's kind (`[new file]`, `[add]`…). */
  title?: string;
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
    const [, path = raw, , region, , , , title] = SNIPPET_PATH.exec(raw) ?? [];
    imports.push({
      line: index + 1,
      path,
      ...(region && { region: region.slice(1) }),
      ...(title && { title }),
    });
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
  return regionLines(source, name) !== undefined;
}

/**
 * The lines VitePress shows for region `name` of `source`, before it removes their common
 * indentation: those between the markers, without any marker of the same comment style (a
 * region nested inside shows whole, its markers gone). Undefined without that region.
 */
export function regionLines(source: string, name: string): string[] | undefined {
  const lines = source.split(/\r?\n/);
  let style: RegExp | undefined;
  let start = 0;
  for (const [index, line] of lines.entries()) {
    const text = line.trim();
    if (!style) {
      style = REGION_MARKERS.find((marker) => isMarker(text, marker, name, /^region$/i));
      start = index + 1;
    } else if (isMarker(text, style, name, /^end ?region$/i)) {
      return lines.slice(start, index).filter((kept) => !style!.test(kept.trim()));
    }
  }
  return undefined;
}

/** `source` without its region marker lines: a whole file as a learner should type it. */
export function stripRegionMarkers(source: string): string {
  return source
    .split('\n')
    .filter((line) => !REGION_MARKERS.some((marker) => marker.test(line.trim())))
    .join('\n');
}

function isMarker(line: string, marker: RegExp, name: string, tag: RegExp): boolean {
  const [, found, markerName] = marker.exec(line) ?? [];
  return found !== undefined && markerName === name && tag.test(found);
}
