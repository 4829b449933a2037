import { describe, expect, test } from 'vitest';
import { compareMessages, LamportClock, MAX_CLOCK_LEAD } from './lamport-clock.ts';

describe('LamportClock', () => {
  test('ticks past every time it has seen, so a reply sorts after what it answers', () => {
    const clock = new LamportClock();
    expect(clock.tick()).toBe(1);
    expect(clock.observe(41)).toBe(true);
    expect(clock.tick()).toBe(42);
    expect(clock.observe(5)).toBe(true); // an old message does not move it back
    expect(clock.tick()).toBe(43);
  });

  test('refuses a time too far ahead, so a hostile peer cannot run it out', () => {
    const clock = new LamportClock(10);
    expect(clock.observe(10 + MAX_CLOCK_LEAD + 1)).toBe(false);
    expect(clock.time).toBe(10);
    expect(clock.observe(Number.MAX_SAFE_INTEGER)).toBe(false);
  });
});

describe('compareMessages', () => {
  test('orders by time, then author, then id: the same on every peer', () => {
    const messages = [
      { clock: 2, author: 'b', id: '1' },
      { clock: 1, author: 'z', id: '2' },
      { clock: 2, author: 'a', id: '4' },
      { clock: 2, author: 'a', id: '3' },
    ];
    const ids = (list: typeof messages) => [...list].sort(compareMessages).map((m) => m.id);
    expect(ids(messages)).toEqual(['2', '3', '4', '1']);
    expect(ids([...messages].reverse())).toEqual(['2', '3', '4', '1']);
  });
});
