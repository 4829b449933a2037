import {
  OpfsSyncFolder,
  type FileSink,
  type IncomingFile,
} from '../../packages/transfer/src/index.ts';

/**
 * The one place where the benchmark picks where ours writes a received file: the origin private
 * file system through a sync access handle in a worker, as the file-sharing demo does. Swap the
 * sink here to measure another one.
 */
export async function openBenchSink(): Promise<{
  sinkFor(file: IncomingFile): Promise<FileSink>;
  writtenSize(path: string): Promise<number>;
  clear(): Promise<void>;
}> {
  const folder = await OpfsSyncFolder.open('bench-received');
  await folder.clear();
  return {
    async sinkFor(file) {
      await folder.checkSpace([file]);
      return folder.sink(file);
    },
    writtenSize: async (path) => (await folder.file(path)).size,
    clear: () => folder.clear(),
  };
}
