/**
 * What the hub does with an error nobody caught (a promise rejected without a handler, or an
 * exception out of a timer): it logs one line and keeps serving, since Node would otherwise
 * end the process, and every call in every room with it. Each event is guarded on its own
 * already (see the signaling gate); this is the last net, installed by the CLI only.
 */
export function logStrayErrors(log: (line: string) => void): () => void {
  const report = (kind: string) => (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : describe(error);
    log(`peerlab: ${kind}, the hub keeps running: ${detail}`);
  };
  const onRejection = report('a promise was rejected and nothing handled it');
  const onException = report('an error was thrown and nothing caught it');
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}

function describe(value: unknown): string {
  try {
    return String(value);
  } catch {
    return `a ${typeof value} that cannot be printed`;
  }
}
