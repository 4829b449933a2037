/**
 * A file's relative path as the receiver will use it, whatever the sender wrote. A peer can name
 * a file `../../.bashrc`, `C:\Windows\win.ini`, `CON`, or put control and direction-override
 * characters in it to disguise `gpj.exe` as `exe.jpg`; none of that survives. The result is a
 * relative path of `/`-separated segments, each a name every common file system accepts and the
 * origin private file system takes as it is. It is still text from a stranger: show it with
 * `textContent`, never as HTML.
 */

/** Longest segment, in characters (file systems allow 255 bytes; UTF-8 may need 3 per char). */
export const MAX_SEGMENT_CHARS = 120;
/** Segments in a path, the file's name included. */
export const MAX_DEPTH = 32;
/** Longest whole path, in characters. */
export const MAX_PATH_CHARS = 1024;
/** What a path with nothing usable left becomes. */
export const FALLBACK_NAME = 'unnamed';

// C0 and C1 controls, and the bidirectional overrides and isolates (U+202A–202E, U+2066–2069).
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** Characters Windows refuses in a name. */
const FORBIDDEN = /[<>:"|?*]/g;
/** Names Windows reserves for devices, with any extension (`con.txt` is `CON` too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

function cleanSegment(raw: string): string {
  let name = raw.replace(INVISIBLE, '').replace(FORBIDDEN, '_');
  // Windows drops trailing dots and spaces, so `evil.exe. ` would open as `evil.exe`.
  name = name.trim().replace(/[. ]+$/, '');
  if (name === '' || /^\.+$/.test(name)) return '';
  if (RESERVED.test(name)) name = `_${name}`;
  if (name.length > MAX_SEGMENT_CHARS) name = shorten(name);
  return name;
}

/** Cuts a long name but keeps a short extension, so `….pdf` still opens as a PDF. */
function shorten(name: string): string {
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
  const stem = [...name.slice(0, name.length - extension.length)];
  return stem.slice(0, MAX_SEGMENT_CHARS - extension.length).join('') + extension;
}

/** A safe relative path for `raw` (see above); never empty, never throws. */
export function safeRelativePath(raw: string): string {
  const segments = String(raw)
    .normalize('NFC')
    // Both separators split: `a\b` from Windows is a folder `a`, not a name with a backslash.
    .split(/[/\\]+/)
    .map(cleanSegment)
    .filter((segment) => segment !== '');
  // `C:` was turned into `C_` above; as a first segment it is a drive, not a folder.
  if (segments.length > 1 && /^[a-z]_$/i.test(segments[0]!) && /^[a-z]:/i.test(raw.trimStart())) {
    segments.shift();
  }
  if (segments.length === 0) return FALLBACK_NAME;
  // Too deep: the innermost extra folders go, the file keeps its name.
  if (segments.length > MAX_DEPTH) segments.splice(MAX_DEPTH - 1, segments.length - MAX_DEPTH);
  let path = segments.join('/');
  while (path.length > MAX_PATH_CHARS && segments.length > 1) {
    segments.shift(); // the file's own name matters more than its outer folders
    path = segments.join('/');
  }
  return path;
}

/**
 * Makes every path of a list distinct, as a sink keyed by path needs: a second `a.txt` becomes
 * `a (2).txt`. Sanitising can merge names that differed (`a?.txt` and `a*.txt`).
 */
export function distinctPaths(paths: readonly string[]): string[] {
  const taken = new Set<string>();
  return paths.map((path) => {
    let candidate = path;
    for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
      const slash = path.lastIndexOf('/');
      const dot = path.lastIndexOf('.');
      const cut = dot > slash + 1 ? dot : path.length;
      candidate = `${path.slice(0, cut)} (${n})${path.slice(cut)}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
