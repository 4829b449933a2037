import { relative, sep } from 'node:path';

/**
 * What a learner does with a code block, written in the block's `[title]`:
 * `<<< @/../codelab/step-01-camera/src/main.ts#setup [new file]`, or `[change: inside <main>]`.
 */
export const CAPTION_KINDS = {
  /** Start this file with this code. */
  'new file': 'new file',
  /** Add this code below what the file has so far. */
  add: 'add below',
  /** Edit what the file already has, as the note says (such as the inside of `<main>`). */
  change: 'change',
  /** Code to read, not to type: the hub's, a package's, an earlier step's. */
  'read only': 'read only',
  /** The whole finished file, to compare with yours. */
  'whole file': 'whole file, to compare',
  /** A command to run. */
  run: 'run',
} as const;

export type CaptionKind = keyof typeof CAPTION_KINDS;

/** A code block's caption: where the code goes and what to do with it. */
export interface Caption {
  /** The file (`src/main.ts`), or what the block is (`Terminal`). */
  label: string;
  /** More about where, such as `inside <main>`. */
  note?: string;
  kind: CaptionKind;
}

/** `kind` or `kind: note`, as written between the brackets. */
export function parseCaptionTitle(title: string): { kind: CaptionKind; note?: string } | string {
  const [, kind = '', note] = /^([^:]+?)\s*(?::\s*(.+))?$/.exec(title.trim()) ?? [];
  if (!(kind in CAPTION_KINDS)) {
    return `"${kind}" is not a caption kind (one of: ${Object.keys(CAPTION_KINDS).join(', ')})`;
  }
  return { kind: kind as CaptionKind, ...(note && { note: note.trim() }) };
}

/** The bracketed title at the end of a fence's info string, if any. */
export function titleOfInfo(info: string): string | undefined {
  return /\[(.+)\]/.exec(info)?.[1];
}

/**
 * How a file is named in a caption: relative to its step's folder on that step's own page
 * (`src/main.ts`: the learner's `codelab/work/src/main.ts`), else relative to the repository.
 */
export function fileLabel(file: string, page: string, repoRoot: string): string {
  const path = relative(repoRoot, file).split(sep).join('/');
  const step = /^codelab\/(step-[\w-]+)\.md$/.exec(page)?.[1];
  return step && path.startsWith(`codelab/${step}/`) ? path.slice(`codelab/${step}/`.length) : path;
}

/** The languages whose blocks are commands, captioned "Terminal · run" unless they say more. */
const SHELLS = new Set(['sh', 'bash', 'shell', 'console']);

/**
 * The caption of one code block, from its info string (`ts [add]`) and, for a `<<<` import,
 * the imported file. A string says why there is none.
 */
export function captionOf(
  info: string,
  file: { path: string; page: string; repoRoot: string } | undefined,
): Caption | string {
  const title = titleOfInfo(info);
  const lang = info.trim().split(/[\s{[]/)[0] ?? '';
  if (title === undefined) {
    if (!file && SHELLS.has(lang)) return { label: 'Terminal', kind: 'run' };
    return 'no [kind] after the code block';
  }
  const parsed = parseCaptionTitle(title);
  if (typeof parsed === 'string') return parsed;
  if (file) return { label: fileLabel(file.path, file.page, file.repoRoot), ...parsed };
  if (SHELLS.has(lang) && !parsed.note) return { label: 'Terminal', ...parsed };
  if (!parsed.note) return `a code block of its own needs [${parsed.kind}: what it is]`;
  return { label: parsed.note, kind: parsed.kind };
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The caption as HTML: `v-pre`, so Vue leaves braces in a file name or note alone. */
export function renderCaption({ label, note, kind }: Caption): string {
  const noteHtml = note ? ` <span class="code-note">${escapeHtml(note)}</span>` : '';
  return (
    `<figcaption class="code-caption" v-pre><code class="code-file">${escapeHtml(label)}</code>` +
    `${noteHtml}<span class="code-kind">${CAPTION_KINDS[kind]}</span></figcaption>`
  );
}

/** `new file` → `new-file`: the kind as a `data-kind` value for the stylesheet. */
export const kindAttribute = (kind: CaptionKind) => kind.replace(/ /g, '-');
