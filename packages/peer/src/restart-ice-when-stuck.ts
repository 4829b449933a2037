export type IceRestartReason = 'failed' | 'disconnected' | 'manual';

/** A restart that finds no path (the TURN server is down, say) is tried again this often. */
export const ICE_RETRY_MS = 5_000;

/**
 * ICE restart: gather fresh candidates and find a new path when the old one broke (a Wi-Fi to
 * 4G switch, a NAT rebinding, a TURN server restarting). `failed` is final, so restart at
 * once; `disconnected` often heals by itself, so give it `disconnectedTimeoutMs` first. A
 * restart that has not connected after `retryMs` is made again, until one does: the network
 * may come back at any time. Returns a function that stops watching.
 */
export function restartIceWhenStuck(
  pc: RTCPeerConnection,
  options: {
    disconnectedTimeoutMs: number;
    retryMs?: number;
    /** Does the restart itself (fresh TURN credentials first, say). */
    restart: (reason: IceRestartReason) => void;
  },
): () => void {
  const { disconnectedTimeoutMs, retryMs = ICE_RETRY_MS } = options;
  /** The grace a `disconnected` call gets before its restart. */
  let waiting: ReturnType<typeof setTimeout> | undefined;
  /** Set while a restart has its time to connect. */
  let retrying: ReturnType<typeof setTimeout> | undefined;
  const stop = () => {
    clearTimeout(waiting);
    clearTimeout(retrying);
    waiting = retrying = undefined;
  };
  const restart = (reason: IceRestartReason) => {
    stop();
    options.restart(reason);
    retrying = setTimeout(() => {
      retrying = undefined;
      const state = pc.connectionState;
      if (state === 'failed' || state === 'disconnected') restart(state);
    }, retryMs);
  };
  const onChange = () => {
    const state = pc.connectionState;
    // While a restart has its time, a failure waits for the retry: no restart storm.
    if (retrying) {
      if (state === 'connected' || state === 'closed') stop();
    } else if (state === 'failed') restart('failed');
    else if (state === 'disconnected') {
      waiting ??= setTimeout(() => {
        waiting = undefined;
        if (pc.connectionState === 'disconnected') restart('disconnected');
      }, disconnectedTimeoutMs);
    } else if (state === 'connected' || state === 'closed') stop();
  };
  pc.addEventListener('connectionstatechange', onChange);
  return () => {
    stop();
    pc.removeEventListener('connectionstatechange', onChange);
  };
}
