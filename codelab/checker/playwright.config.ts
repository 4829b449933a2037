import { definePeerlabConfig } from '@peerlab/testing';

// Short timeouts: a missing button should fail its check in seconds, not hang for a minute.
export default definePeerlabConfig({
  testDir: 'checks',
  testMatch: '*.check.ts',
  timeout: 30_000,
  expect: { timeout: 8_000 },
  use: { actionTimeout: 3_000 },
});
