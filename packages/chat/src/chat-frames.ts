// zod's mini build: the same checks, a fraction of the bundle (every chat page ships it).
import { en } from 'zod/locales';
import * as z from 'zod/mini';

/**
 * What peers send each other on the chat channel, as zod schemas. Every frame from a peer is
 * hostile until it passes one of these: a page that fails validation has its frame dropped and
 * counted, and nothing it sent reaches the page as a value of the wrong shape.
 */

// #region limits
export const CHAT_LIMITS = {
  /** The longest text, in characters: a 1 MB paste fits twice over. */
  textChars: 2 * 1024 * 1024,
  /** The largest image, in bytes before base64 (a photo from a phone needs resizing first). */
  imageBytes: 1024 * 1024,
  /** Nicknames are 1–32 characters. */
  nickChars: 32,
  /** The largest frame a peer may send once its chunks are put together, in bytes. */
  frameBytes: 16 * 1024 * 1024,
  /** Messages in one backlog frame, and ids in one receipt. */
  batch: 1000,
  /** Authors in one history summary. */
  authors: 256,
} as const;
// #endregion limits

/** Image types a browser shows as pictures and nothing more (no SVG: it may carry script). */
export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;

/** Ids are random base64url strings (message ids, author keys) or hub peer ids. */
export const idSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid id.'));
export const nickSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(CHAT_LIMITS.nickChars));
/** A Lamport time: 1, 2, 3, … (see lamport-clock.ts). */
const clockSchema = z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER));

// #region message
const imageSchema = z.strictObject({
  type: z.enum(IMAGE_TYPES),
  /** The image's bytes in base64; 4 characters carry 3 bytes. */
  data: z.base64().check(z.maxLength(Math.ceil(CHAT_LIMITS.imageBytes / 3) * 4)),
});

/** One chat message, as it travels and as it is stored. */
export const messageSchema = z.strictObject({
  type: z.literal('msg'),
  /** Random, made by the author: the same message met twice is the same id, kept once. */
  id: idSchema,
  /** The author's key: stable across reloads of their tab, unlike the hub's peer id. */
  author: idSchema,
  nick: nickSchema,
  /** The author's Lamport time when writing it: the order every peer shows. */
  clock: clockSchema,
  /** The author's wall clock (ms since 1970), only to show a time beside it. */
  at: z.int().check(z.minimum(0), z.maximum(8.64e15)),
  text: z.string().check(z.maxLength(CHAT_LIMITS.textChars)),
  image: z.optional(imageSchema),
});
export type ChatMessage = z.infer<typeof messageSchema>;
export type ChatImage = z.infer<typeof imageSchema>;
// #endregion message

// #region frames
export const frameSchema = z.discriminatedUnion('type', [
  /**
   * The first frame of a link, sent by the polite side and answered by the other: who I am,
   * and the newest message I hold from each author, so you can send me what I lack.
   */
  z.strictObject({
    type: z.literal('hello'),
    v: z.literal(1),
    author: idSchema,
    nick: nickSchema,
    /** [author, newest clock held]; an array, not an object, so no key can be `__proto__`. */
    have: z.array(z.tuple([idSchema, clockSchema])).check(z.maxLength(CHAT_LIMITS.authors)),
  }),
  messageSchema,
  /** Messages you lacked, oldest first, in batches. */
  z.strictObject({
    type: z.literal('backlog'),
    messages: z.array(messageSchema).check(z.maxLength(CHAT_LIMITS.batch)),
  }),
  /** I hold (`delivered`) or have shown (`read`) these messages of yours. */
  z.strictObject({
    type: z.literal('receipt'),
    state: z.enum(['delivered', 'read']),
    ids: z.array(idSchema).check(z.minLength(1), z.maxLength(CHAT_LIMITS.batch)),
  }),
  z.strictObject({ type: z.literal('typing'), typing: z.boolean() }),
  /** A message on the unreliable channel, numbered per link so the receiver can count losses. */
  z.strictObject({
    type: z.literal('unreliable'),
    seq: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
    message: messageSchema,
  }),
]);
export type ChatFrame = z.infer<typeof frameSchema>;

/**
 * The video room's first chat, `{ "text": "…" }` and nothing else: what a peer that never says
 * hello sends (see docs/protocol.md). It gets a line back in the same shape, and nothing more.
 */
const plainLineSchema = z.strictObject({
  text: z.string().check(z.minLength(1), z.maxLength(CHAT_LIMITS.textChars)),
});
export type PlainLine = z.infer<typeof plainLineSchema>;
// #endregion frames

/** The mini build's issues say only "Invalid input": these words come per parse, not globally. */
export const IN_WORDS = { error: en().localeError };

export type ParsedFrame =
  { ok: true; frame: ChatFrame } | { ok: true; plain: PlainLine } | { ok: false; reason: string };

/** Checks a value parsed from a peer's JSON; never throws. */
export function parseFrame(value: unknown): ParsedFrame {
  const parsed = frameSchema.safeParse(value, IN_WORDS);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const plain = plainLineSchema.safeParse(value);
  if (plain.success) return { ok: true, plain: plain.data };
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? `"${issue.path.join('.')}": ` : '';
  return { ok: false, reason: `${where}${issue?.message ?? 'not a chat frame'}` };
}
