// #region options
import type { SignalPayload } from '@peerlab/signaling';

/** `RTCIceCandidate.toJSON()`: the DOM types make `candidate` optional, but it is always there. */
type FullCandidate = RTCIceCandidateInit & { candidate: string };

export interface Negotiation {
  /** True on the side that gives way when both offer at once: the one that joined later. */
  polite: boolean;
  /** Sends a description or a candidate to the other peer, through signaling. */
  send: (payload: SignalPayload) => void;
  /** Anything that went wrong while negotiating. */
  onError: (error: unknown) => void;
}
// #endregion options

// #region negotiate
/**
 * Perfect negotiation (W3C WebRTC 1.0, §10.7): either side may change the call at any time and
 * simply sends an offer. If two offers cross, the polite side drops its own and answers; the
 * impolite side ignores the other's. Returns the function that takes what the other peer sends.
 */
export function negotiate(
  pc: RTCPeerConnection,
  { polite, send, onError }: Negotiation,
): (payload: SignalPayload) => void {
  // 1. Making an offer, whenever the connection needs one.
  let makingOffer = false;

  pc.onnegotiationneeded = async () => {
    // The newcomer lets the peer already in the room make the very first offer: Chromium stops
    // gathering candidates on a side whose very first offer is rolled back.
    if (polite && !pc.remoteDescription) return;
    try {
      makingOffer = true;
      await pc.setLocalDescription(); // no argument: the browser creates the offer itself
      send({ kind: 'description', description: pc.localDescription!.toJSON() });
    } catch (error) {
      onError(error);
    } finally {
      makingOffer = false;
    }
  };

  // 2. Sending each ICE candidate.
  pc.onicecandidate = ({ candidate }) => {
    // Trickle ICE: each candidate goes out as soon as it is found (null means "no more").
    // Whole, as JSON: sdpMid and sdpMLineIndex say which media section it belongs to.
    if (candidate) send({ kind: 'candidate', candidate: candidate.toJSON() as FullCandidate });
  };

  // 3. Receiving a description or a candidate.
  let ignoreOffer = false;

  async function receive(payload: SignalPayload): Promise<void> {
    if (payload.kind === 'description') {
      const { description } = payload;
      const collision =
        description.type === 'offer' && (makingOffer || pc.signalingState !== 'stable');
      ignoreOffer = !polite && collision;
      if (ignoreOffer) return; // impolite: our offer wins, theirs is dropped
      // Polite and colliding: setRemoteDescription rolls our own offer back first, by itself.
      await pc.setRemoteDescription(description);
      if (description.type === 'offer') {
        await pc.setLocalDescription(); // the answer
        send({ kind: 'description', description: pc.localDescription!.toJSON() });
      }
    } else if (payload.kind === 'candidate' && payload.candidate) {
      try {
        await pc.addIceCandidate(payload.candidate);
      } catch (error) {
        if (!ignoreOffer) throw error; // candidates of an offer we ignored are expected to fail
      }
    }
  }

  // 4. One message at a time, in the order they came: an offer is fully applied before the
  // next message is looked at, so `signalingState` always tells the truth.
  let queue = Promise.resolve();
  return (payload) => {
    queue = queue.then(() => receive(payload)).catch(onError);
  };
}
// #endregion negotiate
