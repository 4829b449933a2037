// zod's mini build: the same checks, a fraction of the bundle.
import { en } from 'zod/locales';
import * as z from 'zod/mini';
import { WIRE_CODES } from './transfer-error.ts';
import { MAX_RANGE_BYTES, MIN_RANGE_BYTES } from './wire-format.ts';

/**
 * The control messages, as zod schemas. Every message from the peer is hostile until it passes
 * one of these; one that does not is reported as `bad-message` and ignored.
 *
 * sender → receiver: offer, range (a range's digest, after its chunks), end (the file's digest)
 * receiver → sender: answer (per file: from which offset, or declined), ack (verified so far),
 *                    retry (a range's digest did not match: send again from here), received
 * either way:        cancel (a file, an offer, or everything)
 */

export const TRANSFER_LIMITS = {
  /** Files in one offer; offer a larger folder in parts. */
  files: 10_000,
  /** Characters in a path as the sender writes it, before the receiver cleans it. */
  pathChars: 4096,
  mimeChars: 255,
} as const;

const id = z.int().check(z.minimum(0), z.maximum(2 ** 32 - 1));
const bytes = z.int().check(z.minimum(0), z.maximum(Number.MAX_SAFE_INTEGER));
const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, 'Not a SHA-256 in hex.'));
const code = z.enum(WIRE_CODES);

const offeredFile = z.strictObject({
  fileId: id,
  path: z.string().check(z.minLength(1), z.maxLength(TRANSFER_LIMITS.pathChars)),
  size: bytes,
  /** ms since 1970, as `File.lastModified`: with path and size, how a resume knows the file. */
  lastModified: z.int().check(z.minimum(-8.64e15), z.maximum(8.64e15)),
  mime: z.string().check(z.maxLength(TRANSFER_LIMITS.mimeChars)),
});
export type OfferedFile = z.infer<typeof offeredFile>;

const rangeBytes = z.int().check(
  z.minimum(MIN_RANGE_BYTES),
  z.maximum(MAX_RANGE_BYTES),
  z.refine((n) => (n & (n - 1)) === 0, 'Not a power of two.'),
);

export const messageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('offer'),
    v: z.literal(1),
    offerId: id,
    rangeBytes,
    files: z.array(offeredFile).check(z.minLength(1), z.maxLength(TRANSFER_LIMITS.files)),
  }),
  z.strictObject({ type: z.literal('range'), fileId: id, index: bytes, sha256 }),
  z.strictObject({ type: z.literal('end'), fileId: id, sha256 }),
  z.strictObject({
    type: z.literal('answer'),
    offerId: id,
    files: z
      .array(
        z.union([
          z.strictObject({ fileId: id, from: bytes }),
          z.strictObject({ fileId: id, declined: code }),
        ]),
      )
      .check(z.maxLength(TRANSFER_LIMITS.files)),
  }),
  z.strictObject({ type: z.literal('ack'), fileId: id, verified: bytes }),
  z.strictObject({ type: z.literal('retry'), fileId: id, from: bytes }),
  z.strictObject({ type: z.literal('received'), fileId: id }),
  /** A file (`fileId`), an offer (`offerId`), or with neither, everything in progress. */
  z.strictObject({
    type: z.literal('cancel'),
    fileId: z.optional(id),
    offerId: z.optional(id),
    code,
  }),
]);
export type TransferMessage = z.infer<typeof messageSchema>;
export type MessageOf<T extends TransferMessage['type']> = Extract<TransferMessage, { type: T }>;

/** The mini build's issues say only "Invalid input": these words come per parse, not globally. */
const IN_WORDS = { error: en().localeError };

export type ParsedMessage = { ok: true; message: TransferMessage } | { ok: false; reason: string };

/** Checks a text message from the peer; never throws. */
export function parseMessage(text: string): ParsedMessage {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'a text message that is not JSON' };
  }
  const parsed = messageSchema.safeParse(value, IN_WORDS);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  return { ok: false, reason: `${where}${issue?.message ?? 'not a transfer message'}` };
}
