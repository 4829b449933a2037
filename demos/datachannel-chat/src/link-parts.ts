// #region links
/** A piece of a message: plain text, or a link the page may make clickable. */
export type TextPart = { text: string } | { text: string; href: string };

/** Candidates only: each is checked again with the URL parser below. */
const URL_LIKE = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that usually ends a sentence rather than a URL. */
const TRAILING = /[.,;:!?)\]}]+$/;

/**
 * Cuts text into plain parts and links. Only `http:` and `https:` become links: `javascript:`,
 * `data:` and the rest stay text. The page renders every part as text (Lit's `${}` makes text
 * nodes), so nothing in a message can become markup.
 */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_LIKE)) {
    const candidate = match[0].replace(TRAILING, '');
    const href = safeHref(candidate);
    if (!href) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ text: candidate, href });
    last = match.index + candidate.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

function safeHref(candidate: string): string | undefined {
  if (!URL.canParse(candidate)) return undefined;
  const url = new URL(candidate);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
}
// #endregion links
