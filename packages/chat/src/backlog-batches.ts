import { CHAT_LIMITS, type ChatMessage } from './chat-frames.ts';

/** About this much JSON per backlog frame: big enough to be few, small enough to interleave. */
export const BACKLOG_BATCH_CHARS = 256 * 1024;

/**
 * Cuts a backlog into frames of at most `CHAT_LIMITS.batch` messages and about
 * `BACKLOG_BATCH_CHARS` characters; a message larger than that goes alone.
 */
export function backlogBatches(messages: readonly ChatMessage[]): ChatMessage[][] {
  const batches: ChatMessage[][] = [];
  let batch: ChatMessage[] = [];
  let chars = 0;
  for (const message of messages) {
    const size = message.text.length + (message.image?.data.length ?? 0) + 200;
    if (
      batch.length > 0 &&
      (chars + size > BACKLOG_BATCH_CHARS || batch.length >= CHAT_LIMITS.batch)
    ) {
      batches.push(batch);
      batch = [];
      chars = 0;
    }
    batch.push(message);
    chars += size;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
