// A hub in a process of its own, for tests that kill or restart one node of several.
// It takes its options as JSON in PEERLAB_TEST_HUB and prints its URL once listening.
import { startHub, type HubOptions } from '../hub.ts';

const options = JSON.parse(process.env.PEERLAB_TEST_HUB ?? '{}') as HubOptions;
const hub = await startHub({ host: '127.0.0.1', quiet: true, ...options });
console.info(`listening ${hub.url}`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
