/**
 * Two real peer connections in this page, connected to each other, with one data channel
 * between them (negotiated, so neither side has to wait for the other to announce it).
 */
export interface ChannelPair {
  senderPc: RTCPeerConnection;
  receiverPc: RTCPeerConnection;
  sending: RTCDataChannel;
  receiving: RTCDataChannel;
  close(): void;
}

const opened = (channel: RTCDataChannel) =>
  new Promise<void>((resolve, reject) => {
    channel.addEventListener('open', () => resolve(), { once: true });
    channel.addEventListener('close', () => reject(new Error('closed before opening')), {
      once: true,
    });
  });

export async function channelPair(): Promise<ChannelPair> {
  const senderPc = new RTCPeerConnection();
  const receiverPc = new RTCPeerConnection();
  const sending = senderPc.createDataChannel('transfer', { negotiated: true, id: 0 });
  const receiving = receiverPc.createDataChannel('transfer', { negotiated: true, id: 0 });
  const ready = Promise.all([opened(sending), opened(receiving)]);
  // Candidates wait until the other side has a remote description to add them to.
  let senderDescribed!: () => void;
  let receiverDescribed!: () => void;
  const described = new Map([
    [senderPc, new Promise<void>((resolve) => (senderDescribed = resolve))],
    [receiverPc, new Promise<void>((resolve) => (receiverDescribed = resolve))],
  ]);
  for (const [from, to] of [
    [senderPc, receiverPc],
    [receiverPc, senderPc],
  ] as const) {
    from.addEventListener('icecandidate', ({ candidate }) => {
      if (!candidate) return;
      void described
        .get(to)!
        .then(() => to.addIceCandidate(candidate))
        .catch(() => {}); // a candidate after close
    });
  }
  await senderPc.setLocalDescription();
  await receiverPc.setRemoteDescription(senderPc.localDescription!);
  receiverDescribed();
  await receiverPc.setLocalDescription();
  await senderPc.setRemoteDescription(receiverPc.localDescription!);
  senderDescribed();
  await ready;
  return {
    senderPc,
    receiverPc,
    sending,
    receiving,
    close() {
      senderPc.close();
      receiverPc.close();
    },
  };
}
