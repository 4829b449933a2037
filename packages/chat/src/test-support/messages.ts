import type { ChatMessage } from '../chat-frames.ts';

let counter = 0;

/** A valid message; ids are unique per call unless given. */
export function makeMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  counter += 1;
  return {
    type: 'msg',
    id: `message-${String(counter).padStart(6, '0')}`,
    author: 'author-aaaa',
    nick: 'Ada',
    clock: counter,
    at: 1_700_000_000_000 + counter,
    text: `line ${counter}`,
    ...overrides,
  };
}
