/** Small helpers around RTCDataChannel that both sides use. */

/**
 * The protocol needs every message to arrive, in order: chunks are checked against the offset
 * expected next, and a range's digest must come after its last chunk.
 */
export function assertReliable(channel: RTCDataChannel): void {
  if (!channel.ordered || channel.maxRetransmits !== null || channel.maxPacketLifeTime !== null) {
    throw new TypeError(
      `Data channel "${channel.label}" is unordered or unreliable; a file transfer needs the ` +
        'default, ordered and reliable.',
    );
  }
}

/** Resolves true once the channel is open, false if it closes first. */
export function whenOpen(channel: RTCDataChannel): Promise<boolean> {
  if (channel.readyState === 'open') return Promise.resolve(true);
  if (channel.readyState !== 'connecting') return Promise.resolve(false);
  return new Promise((resolve) => {
    const done = (open: boolean) => () => {
      channel.removeEventListener('open', onOpen);
      channel.removeEventListener('close', onClose);
      resolve(open);
    };
    const [onOpen, onClose] = [done(true), done(false)];
    channel.addEventListener('open', onOpen);
    channel.addEventListener('close', onClose);
  });
}

/**
 * Waits until the channel's buffer has drained to `bufferedAmountLowThreshold` (or the channel
 * closed). Called only while the buffer is above the high-water mark, so the event must come.
 */
export function drained(channel: RTCDataChannel): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      channel.removeEventListener('bufferedamountlow', done);
      channel.removeEventListener('close', done);
      resolve();
    };
    channel.addEventListener('bufferedamountlow', done);
    channel.addEventListener('close', done);
  });
}

/** Sends text; false if the channel is closing (its close handler tidies up). */
export function sendText(channel: RTCDataChannel, text: string): boolean {
  if (channel.readyState !== 'open') return false;
  try {
    channel.send(text);
    return true;
  } catch {
    return false;
  }
}

/** Sends `message` as JSON text; false if the channel is closing. */
export function sendJson(channel: RTCDataChannel, message: object): boolean {
  return sendText(channel, JSON.stringify(message));
}

/** A wake-up call for a loop that waits on several things: each `wait()` ends at the next `notify()`. */
export class Wakeup {
  #waiters: (() => void)[] = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.#waiters.push(resolve));
  }

  notify(): void {
    for (const resolve of this.#waiters.splice(0)) resolve();
  }
}
