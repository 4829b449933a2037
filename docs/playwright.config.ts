import { definePeerlabConfig } from '@peerlab/testing';

// The built site, as the hub serves it at /docs/, in Chromium.
export default definePeerlabConfig({ testDir: 'e2e' });
