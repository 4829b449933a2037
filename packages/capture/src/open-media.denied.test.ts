import { expect, it } from 'vitest';
import { describeMediaError } from './describe-media-error.ts';
import { openCamera } from './open-media.ts';

// This file runs in the Chromium instance that denies every permission prompt (vitest.config.ts).
it('rejects with NotAllowedError when permission is denied, and explains it', async () => {
  const error = await openCamera({ audio: true }).catch((err: unknown) => err);
  expect(error).toBeInstanceOf(DOMException);
  expect(error).toMatchObject({ name: 'NotAllowedError' });

  const description = describeMediaError(error);
  expect(description.name).toBe('NotAllowedError');
  expect(description.title).toMatch(/permission/i);
  expect(description.fix).toMatch(/address bar/);
});
