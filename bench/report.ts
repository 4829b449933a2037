import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join } from 'node:path';

export interface BenchRow {
  /** What was measured, e.g. "call set-up, median". */
  metric: string;
  ours: number;
  /** The same measurement of the anchor, where there is one. */
  anchor?: number;
  unit: string;
  /** The goal, and whether it is an upper (`<=`) or lower (`>=`) bound. */
  goal?: { op: '<=' | '>='; value: number };
  note?: string;
}

export interface BenchSuite {
  name: string;
  title: string;
  anchor?: string;
  rows: BenchRow[];
  samples?: Record<string, number[]>;
}

/** Writes `bench/results/<suite>.json` and `.md`: ours, the anchor, their ratio and the goal. */
export async function writeReport(suite: BenchSuite): Promise<string> {
  const dir = join(import.meta.dirname, 'results');
  await mkdir(dir, { recursive: true });
  const machine = { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model ?? '?' };
  const at = new Date().toISOString();
  await writeFile(
    join(dir, `${suite.name}.json`),
    `${JSON.stringify({ ...suite, at, machine }, null, 2)}\n`,
  );
  const lines = [
    `# ${suite.title}`,
    '',
    `Run ${at} on ${machine.cpus} × ${machine.cpu}, Node ${machine.node}.`,
    ...(suite.anchor ? ['', `Anchor: ${suite.anchor}`] : []),
    '',
    '| metric | ours | anchor | ours / anchor | goal | met |',
    '| --- | ---: | ---: | ---: | --- | :---: |',
    ...suite.rows.map((row) => {
      const ratio = row.anchor ? (row.ours / row.anchor).toFixed(2) : '—';
      const goal = row.goal ? `${row.goal.op} ${row.goal.value} ${row.unit}` : '—';
      const met = !row.goal
        ? '—'
        : (row.goal.op === '<=' ? row.ours <= row.goal.value : row.ours >= row.goal.value)
          ? 'yes'
          : 'NO';
      const anchor = row.anchor === undefined ? '—' : `${row.anchor} ${row.unit}`;
      return `| ${row.metric} | ${row.ours} ${row.unit} | ${anchor} | ${ratio} | ${goal} | ${met} |`;
    }),
    ...suite.rows.filter((row) => row.note).map((row) => `\n- ${row.metric}: ${row.note}`),
    '',
  ];
  const markdown = lines.join('\n');
  await writeFile(join(dir, `${suite.name}.md`), markdown);
  return markdown;
}
