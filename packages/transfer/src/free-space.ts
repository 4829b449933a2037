import { formatBytes } from './format-progress.ts';
import { TransferError } from './transfer-error.ts';

/** What `navigator.storage.estimate()` answers; injectable, to test a small quota. */
export type EstimateStorage = () => Promise<StorageEstimate>;

/**
 * Throws a `not-enough-space` TransferError when `needed` bytes would not fit in what this site
 * may still use. Call it before the first byte is written, so a refusal writes nothing.
 */
export async function checkFreeSpace(needed: number, estimate: EstimateStorage): Promise<void> {
  const { quota, usage = 0 } = await estimate();
  if (quota === undefined) return; // the browser does not say: the write itself will tell
  const available = Math.max(0, quota - usage);
  if (needed <= available) return;
  throw new TransferError(
    'not-enough-space',
    `Not enough space: these files need ${formatBytes(needed)} (${needed} bytes) and this ` +
      `site may use only ${formatBytes(available)} more. Nothing was written.`,
    { needed, available },
  );
}
