import type { SignalPayload } from '@peerlab/signaling';
import type { SignalingChannel } from './signaling-channel.ts';

/**
 * On a brand-new connection the polite side waits this long for the impolite side's first offer
 * before making its own. Chromium stops gathering ICE candidates on a side that rolls back its
 * very first offer (the call then hangs in `new`), so the first offer should not collide.
 */
const FIRST_OFFER_WAIT_MS = 1_000;

export interface Negotiation {
  /** Sends a new offer now (or after the negotiation under way), with no ICE restart. */
  renegotiate: () => void;
  /** Stops listening to the connection and to signaling. */
  stop: () => void;
}

export interface NegotiationHooks {
  /** Both sides sent an offer at once ("glare"). The impolite side ignores the other's offer. */
  onCollision?: (info: { ignored: boolean }) => void;
  onError?: (error: Error) => void;
}

/**
 * Perfect negotiation (W3C WebRTC 1.0, §10.7): either side may change the call at any time and
 * simply sends an offer. When two offers cross, the *polite* peer rolls its own back and
 * answers; the *impolite* peer ignores the incoming one. The signaling server assigns the roles.
 * Returns `renegotiate`, for changes the browser does not negotiate by itself, and `stop`.
 */
export function negotiatePerfectly(
  pc: RTCPeerConnection,
  signaling: SignalingChannel,
  polite: boolean,
  hooks: NegotiationHooks = {},
): Negotiation {
  let makingOffer = false;
  let ignoreOffer = false;
  let settingRemoteAnswer = false;
  const fail = (error: unknown) =>
    hooks.onError?.(error instanceof Error ? error : new Error(String(error)));

  // #region make-offer
  const makeOffer = async () => {
    try {
      if (polite && !pc.remoteDescription && (await remoteOfferArrives(pc, FIRST_OFFER_WAIT_MS))) {
        // We answer theirs instead; if our own changes still need an offer after that, the
        // browser fires negotiationneeded again.
        return;
      }
      makingOffer = true;
      // Without arguments setLocalDescription creates the right offer (or answer) itself.
      await pc.setLocalDescription();
      signaling.send({ kind: 'description', description: pc.localDescription!.toJSON() });
    } catch (error) {
      fail(error);
    } finally {
      makingOffer = false;
    }
  };
  pc.onnegotiationneeded = makeOffer;
  // #endregion make-offer

  // Codec preferences change the next offer but do not fire negotiationneeded: offer now, or
  // as soon as the negotiation under way is over.
  const renegotiate = () => {
    if (pc.signalingState === 'closed') return;
    if (pc.signalingState === 'stable' && !makingOffer) return void makeOffer();
    const onStable = () => {
      if (pc.signalingState !== 'stable') return;
      pc.removeEventListener('signalingstatechange', onStable);
      renegotiate();
    };
    pc.addEventListener('signalingstatechange', onStable);
  };

  // #region trickle-ice
  pc.onicecandidate = ({ candidate }) => {
    // Trickle ICE: each candidate goes out as soon as it is found. `null` marks the end.
    if (!candidate) return;
    // sdpMid and sdpMLineIndex say which m-line the candidate belongs to: always send them.
    const { sdpMid, sdpMLineIndex, usernameFragment } = candidate;
    signaling.send({
      kind: 'candidate',
      candidate: { candidate: candidate.candidate, sdpMid, sdpMLineIndex, usernameFragment },
    });
  };
  // #endregion trickle-ice

  // #region receive
  async function receive(payload: SignalPayload): Promise<void> {
    if (pc.signalingState === 'closed') return;
    if (payload.kind === 'description') {
      const { description } = payload;
      const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer);
      const collision = description.type === 'offer' && !readyForOffer;
      ignoreOffer = !polite && collision;
      if (collision) hooks.onCollision?.({ ignored: ignoreOffer });
      if (ignoreOffer) return;
      settingRemoteAnswer = description.type === 'answer';
      // On a collision this first rolls our own offer back (an implicit rollback).
      await pc.setRemoteDescription(description);
      settingRemoteAnswer = false;
      if (description.type === 'offer') {
        await pc.setLocalDescription();
        signaling.send({ kind: 'description', description: pc.localDescription!.toJSON() });
      }
    } else if (payload.kind === 'candidate' && payload.candidate) {
      try {
        await pc.addIceCandidate(payload.candidate);
      } catch (error) {
        // Candidates that belong to an offer we ignored are expected to fail.
        if (!ignoreOffer) throw error;
      }
    }
  }
  // #endregion receive

  // Messages are handled one at a time, in arrival order: a candidate must never overtake the
  // description it belongs to.
  let queue = Promise.resolve();
  const unsubscribe = signaling.onSignal((payload) => {
    queue = queue.then(() => receive(payload)).catch(fail);
  });

  const stop = () => {
    unsubscribe();
    pc.onnegotiationneeded = null;
    pc.onicecandidate = null;
  };
  return { renegotiate, stop };
}

/** Resolves true as soon as the connection has a remote offer, false after `timeoutMs`. */
function remoteOfferArrives(pc: RTCPeerConnection, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const check = () => {
      if (!pc.remoteDescription) return;
      done(true);
    };
    const done = (arrived: boolean) => {
      clearTimeout(timer);
      pc.removeEventListener('signalingstatechange', check);
      resolve(arrived);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    pc.addEventListener('signalingstatechange', check);
  });
}
