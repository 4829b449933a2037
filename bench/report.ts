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
  /**
   * The goal, and whether it is an upper (`<=`) or lower (`>=`) bound. With
   * `of: 'anchor'` the bound is on ours / anchor (`value: 0.7` reads "at most 0.7× the anchor").
   */
  goal?: { op: '<=' | '>='; value: number; of?: 'anchor' };
  note?: string;
}

/** A suite that cannot run here (say, its anchor is missing); the message says why and what to do. */
export class SuiteSkipped extends Error {}

export interface BenchSuite {
  name: string;
  title: string;
  anchor?: string;
  rows: BenchRow[];
  samples?: Record<string, number[]>;
  /** More tables or text, after the results table and its notes. */
  sections?: { title: string; markdown: string }[];
}

/** The goal as the table shows it, and whether ours meets it (`undefined`: no goal). */
function judge(row: BenchRow): { goal: string; met?: boolean } {
  if (!row.goal) return { goal: '—' };
  const { op, value, of } = row.goal;
  const measured = of === 'anchor' ? (row.anchor ? row.ours / row.anchor : Number.NaN) : row.ours;
  return {
    goal: of === 'anchor' ? `${op} ${value} × anchor` : `${op} ${value} ${row.unit}`,
    met: op === '<=' ? measured <= value : measured >= value,
  };
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
      const { goal, met: isMet } = judge(row);
      const met = isMet === undefined ? '—' : isMet ? 'yes' : 'no';
      const anchor = row.anchor === undefined ? '—' : `${row.anchor} ${row.unit}`;
      return `| ${row.metric} | ${row.ours} ${row.unit} | ${anchor} | ${ratio} | ${goal} | ${met} |`;
    }),
    ...suite.rows.filter((row) => row.note).map((row) => `\n- ${row.metric}: ${row.note}`),
    ...(suite.sections ?? []).flatMap(({ title, markdown }) => ['', `## ${title}`, '', markdown]),
    '',
  ];
  const markdown = lines.join('\n');
  await writeFile(join(dir, `${suite.name}.md`), markdown);
  return markdown;
}
