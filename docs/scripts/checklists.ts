/**
 * The "Check your work" list of a step page and the checkpoints of `npm run check -- N`, read
 * so a test can keep them one to one: each item of the list is one check, in the same order.
 */

/**
 * The bold titles that open the items of the page's "## Check your work" numbered list, such
 * as `1. **Stop turns the camera off.** Click Stop…` → `Stop turns the camera off`.
 */
export function pageChecklist(markdown: string): string[] {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => /^## Check your work\s*$/.test(line));
  if (start < 0) return [];
  const end = lines.findIndex((line, index) => index > start && /^## /.test(line));
  return lines.slice(start + 1, end < 0 ? undefined : end).flatMap((line) => {
    const title = /^\d+\. \*\*(.+?)\*\*/.exec(line)?.[1];
    return title === undefined ? [] : [plain(title)];
  });
}

/**
 * The titles of the checks in a `checks/step-NN.check.ts` file, in file order: the first
 * argument of each `check('…', …)` call, a plain string literal or a `const` set to one (a
 * title that other checks name in their `needs`).
 */
export function checkTitles(source: string): string[] {
  const constants = new Map(
    [...source.matchAll(/^const (\w+) =\s*(['"])(.*?)\2;/gms)].map((m) => [m[1]!, m[3]!]),
  );
  return [...source.matchAll(/^check\(\s*(?:(['"])(.*?)\1|(\w+)),/gms)].map((match) =>
    plain(match[2] ?? constants.get(match[3]!) ?? `(unknown title: ${match[3]})`),
  );
}

/** Without Markdown code marks and a closing full stop: how both sides are compared. */
function plain(title: string): string {
  return title
    .replace(/`/g, '')
    .replace(/\.$/, '')
    .replace(/\\(['"])/g, '$1')
    .trim();
}
