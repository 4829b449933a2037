// #region connect
import { createLoopbackSignaling, PeerSession } from '@peerlab/peer';

// Step 3's two connections, negotiated for you: PeerSession hands over the offer, answer and
// candidates through the loopback pair, the way you did by hand.
const [signaling1, signaling2] = createLoopbackSignaling();
const pc1 = new PeerSession({ polite: false, signaling: signaling1 }).pc;
const pc2 = new PeerSession({ polite: true, signaling: signaling2 }).pc;
// #endregion connect

// #region peers
/** One side of the page: its form, its end of the channel, and what it sent and received. */
interface Peer {
  name: string;
  form: HTMLFormElement;
  channel?: RTCDataChannel;
  sent: number;
  sentBytes: number;
  received: number;
  receivedBytes: number;
}
const newPeer = (name: string, form: string): Peer => ({
  name,
  form: document.querySelector<HTMLFormElement>(form)!,
  sent: 0,
  sentBytes: 0,
  received: 0,
  receivedBytes: 0,
});
const peer1 = newPeer('pc1', '#peer1');
const peer2 = newPeer('pc2', '#peer2');
const modeSelect = document.querySelector<HTMLSelectElement>('#mode')!;
// #endregion peers

// #region create-channel
/** Opens pc1's channel, reliable or unreliable as the Delivery list says, in place of the last. */
function openChannel(): void {
  peer1.channel?.close(); // closes both ends: pc2's end gets `close` too
  const options: RTCDataChannelInit =
    modeSelect.value === 'unreliable'
      ? { ordered: false, maxRetransmits: 0 } // like UDP: any order, lost is lost
      : { ordered: true }; // like TCP: every message, in order (the default)
  useChannel(peer1, pc1.createDataChannel(`chat-${modeSelect.value}`, options));
}
modeSelect.addEventListener('change', openChannel);
openChannel(); // the first channel is what makes pc1 negotiate with pc2
// #endregion create-channel

// #region ondatachannel
// pc2 does not create a channel: it receives each one pc1 creates, with the same options.
pc2.ondatachannel = ({ channel }) => useChannel(peer2, channel);
// #endregion ondatachannel

// #region use-channel
const bytesOf = (text: string) => new TextEncoder().encode(text).byteLength; // UTF-8, as sent

function useChannel(peer: Peer, channel: RTCDataChannel): void {
  peer.channel = channel;
  channel.onopen = () => show(peer);
  channel.onclose = () => show(peer);
  channel.onmessage = ({ data }: MessageEvent<string>) => {
    peer.received += 1;
    peer.receivedBytes += bytesOf(data);
    addLine(peer, `${peer === peer1 ? peer2.name : peer1.name}: ${data}`);
  };
  show(peer);
}
// #endregion use-channel

// #region send
for (const peer of [peer1, peer2]) {
  peer.form.addEventListener('submit', (event) => {
    event.preventDefault();
    const input = peer.form.elements.namedItem('text') as HTMLInputElement;
    if (!input.value || peer.channel?.readyState !== 'open') return;
    peer.channel.send(input.value);
    peer.sent += 1;
    peer.sentBytes += bytesOf(input.value);
    addLine(peer, `you: ${input.value}`);
    input.value = '';
  });
}
// #endregion send

// #region show
function addLine(peer: Peer, text: string): void {
  const line = document.createElement('li');
  line.textContent = text;
  peer.form.querySelector('.messages')!.append(line);
  show(peer);
}

/** Shows a side's channel state and counters; Send works only while its channel is open. */
function show(peer: Peer): void {
  const { channel, form } = peer;
  form.querySelector('[data-show=state]')!.textContent = channel
    ? `"${channel.label}" ${channel.readyState}, ordered: ${channel.ordered}, ` +
      `maxRetransmits: ${channel.maxRetransmits}`
    : 'none yet';
  form.querySelector('[data-show=counters]')!.textContent =
    `Sent ${peer.sent} (${peer.sentBytes} bytes) · ` +
    `received ${peer.received} (${peer.receivedBytes} bytes)`;
  form.querySelector('button')!.disabled = channel?.readyState !== 'open';
}
// #endregion show

// #region devtools
// The page handle (`PageHandle` in @peerlab/testing): the tests read it, and in DevTools try
// `peerlab.pc1`, `peerlab.channel2.ordered`…
Object.defineProperty(window, 'peerlab', {
  value: {
    pc1,
    pc2,
    get channel1() {
      return peer1.channel;
    },
    get channel2() {
      return peer2.channel;
    },
  },
});
// #endregion devtools
