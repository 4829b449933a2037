import { definePeerlabConfig } from '@peerlab/testing';
import { patience } from './checks/patience.ts';

// Short timeouts: a missing button should fail its check in seconds, not hang for a minute.
export default definePeerlabConfig({
  testDir: 'checks',
  testMatch: '*.check.ts',
  timeout: 30_000,
  expect: { timeout: patience(8_000) },
  use: { actionTimeout: patience(3_000) },
});
