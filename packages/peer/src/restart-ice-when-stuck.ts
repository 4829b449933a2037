export type IceRestartReason = 'failed' | 'disconnected' | 'manual';

/**
 * ICE restart: gather fresh candidates and find a new path when the old one broke (a Wi-Fi to
 * 4G switch, a NAT rebinding). `failed` is final, so restart at once; `disconnected` often heals
 * by itself, so give it `disconnectedTimeoutMs` first. Returns a function that stops watching.
 */
export function restartIceWhenStuck(
  pc: RTCPeerConnection,
  options: { disconnectedTimeoutMs: number; onRestart: (reason: IceRestartReason) => void },
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const restart = (reason: IceRestartReason) => {
    clearTimeout(timer);
    timer = undefined;
    options.onRestart(reason);
    // Triggers negotiationneeded; the next offer carries new ICE credentials.
    pc.restartIce();
  };
  const onChange = () => {
    const state = pc.connectionState;
    if (state === 'failed') restart('failed');
    else if (state === 'disconnected' && timer === undefined) {
      timer = setTimeout(() => {
        if (pc.connectionState === 'disconnected') restart('disconnected');
        timer = undefined;
      }, options.disconnectedTimeoutMs);
    } else if (state !== 'disconnected') {
      clearTimeout(timer);
      timer = undefined;
    }
  };
  pc.addEventListener('connectionstatechange', onChange);
  return () => {
    clearTimeout(timer);
    pc.removeEventListener('connectionstatechange', onChange);
  };
}
