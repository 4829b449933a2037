/** What one measured transfer is, shared by the benchmark (Node) and its pages. */
export type Contender =
  'raw' | 'ours' | 'simple-peer' | 'simple-peer-docs' | 'peerjs' | 'peerjs-docs';

export interface RunConfig {
  /** Tags every signaling message, so a late candidate of one run never reaches the next. */
  run: string;
  contender: Contender;
  /** Bytes per message; unused by `ours` (it reads `sctp.maxMessageSize`) and the docs ways. */
  chunk: number;
  size: number;
  /**
   * What the receiving page does with the bytes: count them (a throughput ceiling), or collect
   * them into a Blob as the anchors' docs and demos do. `ours` always writes to disk (OPFS).
   */
  keep: 'count' | 'blob';
  /** Where the PeerJS pages find the PeerServer. */
  peerServer?: { host: string; port: number; path: string };
}

export interface RunResult {
  /** Receiver: first byte (accept, for ours) → last byte (complete and verified, for ours). */
  ms: number;
  bytes: number;
  error?: string;
}

/** What the page puts on `window.bench` (file-transfer-page/main.ts). */
export interface BenchPage {
  send(config: RunConfig): Promise<{ error?: string }>;
  receive(config: RunConfig): Promise<RunResult>;
  abort(error: string): void;
  closeAll(): void;
}
