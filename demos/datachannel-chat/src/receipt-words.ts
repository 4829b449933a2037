import type { ChatEntry } from '@peerlab/chat';

/**
 * How far my message got, in words: per member, the furthest it went. "queued" is a member
 * known to this tab but not connected now (reconnecting, or gone for a while).
 */
export function receiptWords(entry: ChatEntry, nickOf: (author: string) => string): string {
  if (!entry.mine) return '';
  const by = {
    queued: [] as string[],
    sent: [] as string[],
    delivered: [] as string[],
    read: [] as string[],
  };
  for (const [member, state] of entry.receipts) by[state].push(nickOf(member));
  const parts = [
    by.read.length > 0 && `read by ${by.read.join(', ')}`,
    by.delivered.length > 0 && `delivered to ${by.delivered.join(', ')}`,
    by.sent.length > 0 && `sent to ${by.sent.join(', ')}`,
    by.queued.length > 0 && `waiting for ${by.queued.join(', ')}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(' · ') : 'written (no one else here yet)';
}
