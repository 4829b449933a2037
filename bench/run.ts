/**
 * `npm run bench [suite…]`: runs the benchmark suites (all by default) and writes
 * `bench/results/<suite>.json` and `.md`. Suites: call-setup, startup, ascii-conversion, webcam-filters.
 */
import { benchAsciiConversion } from './ascii-conversion.ts';
import { benchCallSetup } from './call-setup.ts';
import { writeReport, type BenchSuite } from './report.ts';
import { benchStartup } from './startup.ts';
import { benchWebcamFilters } from './webcam-filters.ts';

const suites: Record<string, () => Promise<BenchSuite>> = {
  'call-setup': () => benchCallSetup(Number(process.env.BENCH_RUNS ?? 20)),
  startup: benchStartup,
  'ascii-conversion': benchAsciiConversion,
  'webcam-filters': () => benchWebcamFilters(),
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
  console.info(await writeReport(await suites[name]!()));
}
