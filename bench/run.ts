/**
 * `npm run bench [suite…]`: runs the benchmark suites (all by default) and writes
 * `bench/results/<suite>.json` and `.md`. Suites: call-setup, call-setup-vs-codelab,
 * datachannel-latency, chat-history, signaling-relay, startup, ascii-conversion,
 * webcam-filters, file-transfer. A suite that cannot run here says why and is skipped.
 */
import { benchAsciiConversion } from './ascii-conversion.ts';
import { benchCallSetup } from './call-setup.ts';
import { benchCallSetupVsCodelab } from './call-setup-vs-codelab.ts';
import { benchDatachannelLatency } from './datachannel-latency.ts';
import { benchChatHistory } from './chat-history.ts';
import { benchFileTransfer } from './file-transfer.ts';
import { SuiteSkipped, writeReport, type BenchSuite } from './report.ts';
import { benchSignalingRelay } from './signaling-relay.ts';
import { benchStartup } from './startup.ts';
import { benchWebcamFilters } from './webcam-filters.ts';

const suites: Record<string, () => Promise<BenchSuite>> = {
  'call-setup': () => benchCallSetup(Number(process.env.BENCH_RUNS ?? 20)),
  'call-setup-vs-codelab': () => benchCallSetupVsCodelab(Number(process.env.BENCH_RUNS ?? 10)),
  'datachannel-latency': benchDatachannelLatency,
  'signaling-relay': benchSignalingRelay,
  startup: benchStartup,
  'ascii-conversion': benchAsciiConversion,
  'webcam-filters': () => benchWebcamFilters(),
  'chat-history': () => benchChatHistory(),
  'file-transfer': benchFileTransfer,
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in suites));
if (unknown.length > 0) {
  console.error(
    `Unknown suite ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}.`,
  );
  process.exit(2);
}
for (const name of wanted.length > 0 ? wanted : Object.keys(suites)) {
  console.info(`\n▶ ${name}`);
  let suite: BenchSuite;
  try {
    suite = await suites[name]!();
  } catch (error) {
    if (!(error instanceof SuiteSkipped)) throw error;
    console.warn(`Skipped ${name}: ${error.message}`);
    continue;
  }
  console.info(await writeReport(suite));
}
// Every report is written. An anchor may leave a timer running once its server is closed
// (PeerJS's PeerServer prunes its clients on an interval): that must not keep the run waiting.
process.exit(0);
