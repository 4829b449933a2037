import { describe, expect, test } from 'vitest';
import { TypedEmitter } from './typed-emitter.ts';

class Clock extends TypedEmitter<{ tick: number; stop: void }> {
  tick(n: number) {
    this.emit('tick', n);
  }
  clear() {
    this.removeAllListeners();
  }
}

describe('TypedEmitter', () => {
  test('on calls every listener with the value, until the function it returned is called', () => {
    const clock = new Clock();
    const heard: number[] = [];
    const off = clock.on('tick', (n) => heard.push(n));
    clock.on('tick', (n) => heard.push(n * 10));
    clock.tick(1);
    off();
    clock.tick(2);
    expect(heard).toEqual([1, 10, 20]);
  });

  test('once hears one event only, and can be cancelled before it', () => {
    const clock = new Clock();
    const heard: number[] = [];
    clock.once('tick', (n) => heard.push(n));
    const cancelled = clock.once('tick', () => heard.push(-1));
    cancelled();
    clock.tick(1);
    clock.tick(2);
    expect(heard).toEqual([1]);
  });

  test('a listener that removes itself mid-emit does not stop the others', () => {
    const clock = new Clock();
    const heard: string[] = [];
    const off = clock.on('tick', () => (off(), heard.push('a')));
    clock.on('tick', () => heard.push('b'));
    clock.tick(1);
    clock.tick(2);
    expect(heard).toEqual(['a', 'b', 'b']);
  });

  test('removeAllListeners silences everything', () => {
    const clock = new Clock();
    let heard = 0;
    clock.on('tick', () => heard++);
    clock.clear();
    clock.tick(1);
    expect(heard).toBe(0);
  });
});
