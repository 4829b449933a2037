import { describe, expect, test } from 'vitest';
import { idSchema } from './chat-frames.ts';
import { randomId, tabAuthorKey } from './random-id.ts';

describe('ids', () => {
  test('random ids are valid chat ids and do not repeat', () => {
    const ids = new Set(Array.from({ length: 1000 }, randomId));
    expect(ids.size).toBe(1000);
    for (const id of ids) expect(idSchema.safeParse(id).success).toBe(true);
  });

  test("a tab's author key lasts across reloads of the tab, and a bad stored one is replaced", () => {
    sessionStorage.clear();
    const key = tabAuthorKey();
    expect(tabAuthorKey()).toBe(key);
    sessionStorage.setItem('peerlab-chat:author', '<img src=x>');
    expect(tabAuthorKey()).not.toBe('<img src=x>');
  });
});
