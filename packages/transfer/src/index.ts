export {
  TransferSender,
  type OutgoingOffer,
  type TransferSenderEvents,
  type TransferSenderOptions,
} from './transfer-sender.ts';
export {
  TransferReceiver,
  type TransferReceiverEvents,
  type TransferReceiverOptions,
} from './transfer-receiver.ts';
export { IncomingOffer, type ChooseSink } from './incoming-offer.ts';
export type { IncomingFile } from './receiving-file.ts';
export type { Offerable, OfferItem } from './offer-items.ts';
export type { FileOutcome, FileResult, OfferResult } from './transfer-results.ts';
export type { FileSink } from './file-sink.ts';
export { MemorySink, MEMORY_SINK_LIMIT } from './memory-sink.ts';
export { OpfsFolder, type EstimateStorage, type SinkTarget } from './opfs-folder.ts';
export { OpfsSyncFolder } from './opfs-sync-folder.ts';
export { parseResumeState, type ResumeEntry, type ResumeState } from './resume-state.ts';
export { safeRelativePath } from './safe-path.ts';
export {
  TransferError,
  isTransferError,
  type TransferErrorCode,
  type TransferErrorDetails,
} from './transfer-error.ts';
export { describeTransferError } from './describe-transfer-error.ts';
export type { TransferProgress } from './progress-meter.ts';
export { describeProgress, formatBytes } from './format-progress.ts';
export { sha256OfBlob } from './file-hash.ts';
export { chunkSizeFor, RANGE_BYTES } from './wire-format.ts';
