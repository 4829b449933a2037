import type { TransferProgress } from '@peerlab/transfer';
import { expect, test } from 'vitest';
import { FileProgress } from './file-progress.ts';

function progress(done: number, path: string, resumedFrom = 0): TransferProgress {
  return {
    offerId: 1,
    done,
    total: 300,
    bytesPerSecond: 10,
    secondsLeft: 1,
    resumedFrom,
    resumedPercent: 0,
    path,
  };
}

test('each event adds what the offer grew by to the file it names', () => {
  const files = new FileProgress([
    { path: 'a', size: 100 },
    { path: 'b', size: 200 },
  ]);
  files.update(progress(60, 'a'));
  files.update(progress(100, 'a'));
  expect(files.update(progress(150, 'b'))).toMatchObject({ path: 'b', done: 50 });
  expect(files.files.get('a')?.done).toBe(100);
});

test('a resumed file starts at what was kept, and the offer count starts there too', () => {
  const files = new FileProgress([{ path: 'a', size: 100, resumeFrom: 40 }]);
  expect(files.update(progress(60, 'a', 40))).toMatchObject({ done: 60, resumedFrom: 40 });
});

test('a path the offer does not hold moves nothing; complete fills the file', () => {
  const files = new FileProgress([{ path: 'a', size: 100 }]);
  expect(files.update(progress(10, 'elsewhere'))).toBeUndefined();
  files.complete('a');
  expect(files.files.get('a')?.done).toBe(100);
});
