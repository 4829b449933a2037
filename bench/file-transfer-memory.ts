import { chromiumProcesses, residentBytes } from './process-memory.ts';
import type { Rig } from './file-transfer-rig.ts';

export interface MemoryPeak {
  /** Peaks above idle, in bytes, over the samples taken each second during the transfer. */
  rendererRss: number;
  allRss: number;
  jsHeap: number;
  samples: number;
}

interface Sample {
  rendererRss: number;
  allRss: number;
  jsHeap: number;
}

async function sample(rig: Rig): Promise<Sample> {
  const { all, renderers } = chromiumProcesses(rig.receiverDataDir);
  const { usedSize } = await rig.receiverCdp.send('Runtime.getHeapUsage');
  return { rendererRss: residentBytes(renderers), allRss: residentBytes(all), jsHeap: usedSize };
}

/**
 * Samples the receiving Chromium once a second while `transfer` runs: VmRSS of its renderer
 * processes (where the page, its data channel and its JS live) and of all its processes, from
 * /proc, and the page's JS heap through CDP. Idle is sampled first, after a garbage collection.
 */
export async function receiverMemoryDuring<T>(
  rig: Rig,
  transfer: () => Promise<T>,
): Promise<{ result: T; peak: MemoryPeak }> {
  await rig.receiverCdp.send('HeapProfiler.collectGarbage');
  const idle = await sample(rig);
  const peak = { ...idle };
  let samples = 0;
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(async () => {
      const now = await sample(rig).catch(() => undefined); // the page is busy or gone
      if (!now) return;
      samples++;
      peak.rendererRss = Math.max(peak.rendererRss, now.rendererRss);
      peak.allRss = Math.max(peak.allRss, now.allRss);
      peak.jsHeap = Math.max(peak.jsHeap, now.jsHeap);
    });
  }, 1000);
  try {
    const result = await transfer();
    return {
      result,
      peak: {
        rendererRss: peak.rendererRss - idle.rendererRss,
        allRss: peak.allRss - idle.allRss,
        jsHeap: peak.jsHeap - idle.jsHeap,
        samples,
      },
    };
  } finally {
    clearInterval(timer);
    await sampling;
  }
}
