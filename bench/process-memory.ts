import { readdirSync, readFileSync } from 'node:fs';

/** Linux only: what /proc says of the processes of one Chromium, found by its profile folder. */
function read(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined; // the process ended meanwhile
  }
}

function allPids(): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number);
}

/** The Chromium started with `--user-data-dir=<dataDir>`, and its renderer processes. */
export function chromiumProcesses(dataDir: string): { all: number[]; renderers: number[] } {
  const pids = allPids();
  const cmdline = (pid: number) => read(`/proc/${pid}/cmdline`)?.split('\0') ?? [];
  const browser = pids.find((pid) => {
    const args = cmdline(pid);
    return (
      args.includes(`--user-data-dir=${dataDir}`) && !args.some((a) => a.startsWith('--type='))
    );
  });
  if (browser === undefined) throw new Error(`no Chromium with the profile ${dataDir}`);
  const parentOf = new Map(
    pids.map((pid) => [pid, Number(read(`/proc/${pid}/stat`)?.split(') ')[1]?.split(' ')[1])]),
  );
  const descends = (pid: number): boolean => {
    for (let at = pid; at > 1; at = parentOf.get(at) ?? 0) if (at === browser) return true;
    return false;
  };
  const all = pids.filter(descends);
  // Chromium rewrites a child's command line into one space-separated title: search the text.
  const isRenderer = (pid: number) => read(`/proc/${pid}/cmdline`)?.includes('--type=renderer');
  return { all, renderers: all.filter(isRenderer) };
}

/** The resident set (VmRSS) of these processes together, in bytes. */
export function residentBytes(pids: readonly number[]): number {
  let total = 0;
  for (const pid of pids) {
    const kib = /VmRSS:\s+(\d+) kB/.exec(read(`/proc/${pid}/status`) ?? '')?.[1];
    total += Number(kib ?? 0) * 1024;
  }
  return total;
}
