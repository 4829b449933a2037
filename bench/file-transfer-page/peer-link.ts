import { onSignal, signal } from './signal-relay.ts';

export interface PeerLink {
  pc: RTCPeerConnection;
  channel: RTCDataChannel;
}

type Message = { description?: RTCSessionDescriptionInit; candidate?: RTCIceCandidateInit };

/**
 * A plain RTCPeerConnection with one negotiated, reliable, ordered data channel, set up through
 * the relay. `onChannel` runs before the channel can open, so no early message goes unheard.
 */
export async function connectLink(
  run: string,
  role: 'offerer' | 'answerer',
  onChannel: (channel: RTCDataChannel) => void = () => {},
): Promise<PeerLink> {
  const pc = new RTCPeerConnection(); // loopback: host candidates only, no STUN
  const channel = pc.createDataChannel('bench', { negotiated: true, id: 0 });
  channel.binaryType = 'arraybuffer';
  onChannel(channel);
  const opened = new Promise<void>((resolve, reject) => {
    channel.addEventListener('open', () => resolve(), { once: true });
    channel.addEventListener('close', () => reject(new Error('closed before opening')));
  });
  pc.addEventListener('icecandidate', ({ candidate }) => {
    if (candidate) signal(run, { candidate: candidate.toJSON() });
  });
  // One message at a time: a candidate must wait for the description before it.
  let handled = Promise.resolve();
  onSignal(run, (data) => {
    const message = data as Message;
    handled = handled.then(async () => {
      if (message.description) {
        await pc.setRemoteDescription(message.description);
        if (role === 'answerer') {
          await pc.setLocalDescription();
          signal(run, { description: pc.localDescription });
        }
      } else if (message.candidate) {
        await pc.addIceCandidate(message.candidate).catch(() => {});
      }
    });
  });
  if (role === 'offerer') {
    await pc.setLocalDescription();
    signal(run, { description: pc.localDescription });
  }
  await opened;
  return { pc, channel };
}
