import { describe, expect, test } from 'vitest';
import { PATH_WORDS, pathOfState } from './peer-path.ts';

describe('peer path', () => {
  test('each connection state has words, and a failure says what to do', () => {
    expect(pathOfState('new')).toBe('connecting');
    expect(pathOfState('disconnected')).toBe('reconnecting');
    expect(pathOfState('connected')).toBe('connected');
    expect(PATH_WORDS.failed.advice).toMatch(/TURN/);
    expect(PATH_WORDS.relay.label).toBe('relayed through TURN');
  });
});
