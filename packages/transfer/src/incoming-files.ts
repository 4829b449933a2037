import type { IncomingFile } from './receiving-file.ts';
import { verifiedBytes, type ResumeEntry } from './resume-state.ts';
import { distinctPaths, safeRelativePath } from './safe-path.ts';
import { TransferError } from './transfer-error.ts';
import type { MessageOf } from './wire-messages.ts';

/**
 * The files of an offer as the receiver shows them: paths made safe and distinct, and each
 * matched against what an earlier attempt kept. A resume needs the same path, size and
 * `lastModified` (and range size); a path kept for another file starts again from zero, with
 * `resumeRefused` saying why. (A file changed behind the same name, size and date is caught at
 * the end, by the whole-file SHA-256.)
 */
export function describeOffer(
  message: MessageOf<'offer'>,
  kept: ReadonlyMap<string, ResumeEntry>,
): IncomingFile[] {
  const paths = distinctPaths(message.files.map((file) => safeRelativePath(file.path)));
  return message.files.map(({ fileId, size, lastModified, mime }, index) => {
    const path = paths[index]!;
    const incoming: IncomingFile = { fileId, path, size, lastModified, mime, resumeFrom: 0 };
    const entry = kept.get(path);
    if (!entry) return incoming;
    const same = entry.size === size && entry.lastModified === lastModified;
    if (same && entry.rangeBytes === message.rangeBytes) {
      return { ...incoming, resumeFrom: verifiedBytes(entry) };
    }
    const why = same
      ? `"${path}" was half received in ranges of another size`
      : `"${path}" is not the file half received before (its size or date changed)`;
    const resumeRefused = new TransferError(
      'same-file-expected',
      `${why}, so it starts again from the beginning.`,
      { path },
    );
    return { ...incoming, resumeRefused };
  });
}
