import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';

/**
 * Keeps every core busy with one spinning worker thread per core, as a laptop running a video
 * call, a build and a browser at once would. Tests that pass only on an idle machine fail here.
 *
 * The threads live inside this process: whatever way it ends (a crash, Ctrl+C), they end too.
 * @returns a function that stops them.
 */
export function startCpuBurner(threads = availableParallelism()): () => Promise<void> {
  const workers = Array.from({ length: threads }, () => new Worker('for (;;) {}', { eval: true }));
  // The spinning threads must not keep the process alive once everything else is done.
  for (const worker of workers) worker.unref();
  return async () => {
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
}
