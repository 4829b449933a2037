import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { checkedApp, repoRoot } from './check-app.ts';

/** One line of the app's own files. */
export interface SourceLine {
  /** As a learner would open it: relative to the repository when it is inside. */
  file: string;
  /** 1-based. */
  line: number;
  text: string;
  /** Every line of the file, for looking around this one. */
  lines: string[];
}

/** `codelab/work/src/main.ts:42`: where to look. */
export const where = (line: SourceLine) => `${line.file}:${line.line}`;

/** The app's `index.html` and its source files (unit tests left out). */
function appFiles(): string[] {
  const appDir = checkedApp().dir;
  const src = readdirSync(join(appDir, 'src'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|js|html)$/.test(entry.name))
    .filter((entry) => !/\.test\.ts$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
  return [join(appDir, 'index.html'), ...src.sort()];
}

/** The lines of the app's files that match `pattern`, file by file. */
export function findInApp(pattern: RegExp): SourceLine[] {
  return appFiles().flatMap((path) => {
    let source: string;
    try {
      source = readFileSync(path, 'utf8');
    } catch {
      return [];
    }
    const lines = source.split('\n');
    const shown = relative(repoRoot, path);
    const file = shown.startsWith('..') || isAbsolute(shown) ? path : shown.split(sep).join('/');
    return lines.flatMap((text, index) =>
      pattern.test(text) ? [{ file, line: index + 1, text: text.trim(), lines }] : [],
    );
  });
}

/**
 * The `return` that keeps `line` from ever running: one earlier in the same block (at the same
 * indentation, with nothing less indented in between). Undefined when there is none.
 */
export function returnBefore(line: SourceLine): number | undefined {
  const indent = (text: string) => /^\s*/.exec(text)![0].length;
  const own = indent(line.lines[line.line - 1]!);
  for (let index = line.line - 2; index >= 0; index--) {
    const text = line.lines[index]!;
    if (!text.trim()) continue;
    if (indent(text) < own) return undefined;
    if (indent(text) === own && /^\s*return\b/.test(text)) return index + 1;
  }
  return undefined;
}
