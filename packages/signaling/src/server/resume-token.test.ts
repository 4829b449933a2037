import { describe, expect, test } from 'vitest';
import { signResumeToken, verifyResumeToken } from './resume-token.ts';

const claims = { room: 'lab', peerId: 'b7c1d2e3-0000-4000-8000-000000000001', seq: 7, capacity: 6 };

describe('resume tokens', () => {
  test('a token signed with the secret gives its claims back, for its room and peer only', () => {
    const token = signResumeToken('secret', claims);
    expect(token).toMatch(/^7\.6\.[\w-]{43}$/);
    expect(verifyResumeToken('secret', 'lab', claims.peerId, token)).toEqual(claims);
    expect(verifyResumeToken('other secret', 'lab', claims.peerId, token)).toBeUndefined();
    expect(verifyResumeToken('secret', 'other-room', claims.peerId, token)).toBeUndefined();
    expect(
      verifyResumeToken('secret', 'lab', `${claims.peerId.slice(0, -1)}2`, token),
    ).toBeUndefined();
  });

  test('changed claims or a mangled token do not verify', () => {
    const token = signResumeToken('secret', claims);
    const [, , mac] = token.split('.');
    for (const forged of [`8.6.${mac}`, `7.64.${mac}`, `7.6.${mac}x`, 'x'.repeat(32), '']) {
      expect(verifyResumeToken('secret', 'lab', claims.peerId, forged)).toBeUndefined();
    }
  });
});
