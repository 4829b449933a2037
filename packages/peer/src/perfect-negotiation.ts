import type { SignalPayload } from '@peerlab/signaling';
import { PeerError } from './peer-error.ts';
import type { PeerSignaling } from './peer-signaling.ts';

/**
 * On a brand-new connection the polite side waits this long for the impolite side's first offer
 * before making its own. Chromium stops gathering ICE candidates on a side that rolls back its
 * very first offer (the call then hangs in `new`), so the first offer should not collide.
 */
const FIRST_OFFER_WAIT_MS = 1_000;

/** Candidates kept while their description is on its way; a peer sending more is misbehaving. */
const MAX_EARLY_CANDIDATES = 256;

type Candidate = RTCIceCandidateInit;

export interface Negotiation {
  /** Sends a new offer now (or after the negotiation under way), with no ICE restart. */
  renegotiate: () => void;
  /** Candidates from the other side that the browser refused (logged, never fatal). */
  readonly candidatesRefused: number;
  /** Stops listening to the connection and to signaling. */
  stop: () => void;
}

export interface NegotiationHooks {
  /** Both sides sent an offer at once ("glare"). The impolite side ignores the other's offer. */
  onCollision?: (info: { ignored: boolean }) => void;
  /** The call with this peer cannot go on as it is: a {@link PeerError}. */
  onError?: (error: PeerError) => void;
}

/**
 * Perfect negotiation (W3C WebRTC 1.0, §10.7): either side may change the call at any time and
 * simply sends an offer. When two offers cross, the *polite* peer rolls its own back and
 * answers; the *impolite* peer ignores the incoming one. The signaling server assigns the roles.
 * Returns `renegotiate`, for changes the browser does not negotiate by itself, and `stop`.
 */
export function negotiatePerfectly(
  pc: RTCPeerConnection,
  signaling: PeerSignaling,
  polite: boolean,
  hooks: NegotiationHooks = {},
): Negotiation {
  let makingOffer = false;
  let ignoreOffer = false;
  let settingRemoteAnswer = false;
  let candidatesRefused = 0;
  /** Candidates that came before any remote description: applied once one is set. */
  const early: Candidate[] = [];

  const sendDescription = () =>
    signaling.send({ kind: 'description', description: pc.localDescription!.toJSON() });

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
      sendDescription();
    } catch (error) {
      if (pc.signalingState !== 'closed') {
        hooks.onError?.(new PeerError('negotiation-failed', messageOf(error), { cause: error }));
      }
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
  async function receiveDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const readyForOffer = !makingOffer && (pc.signalingState === 'stable' || settingRemoteAnswer);
    const collision = description.type === 'offer' && !readyForOffer;
    ignoreOffer = !polite && collision;
    if (collision) hooks.onCollision?.({ ignored: ignoreOffer });
    if (ignoreOffer) return;
    settingRemoteAnswer = description.type === 'answer';
    try {
      // On a collision this first rolls our own offer back (an implicit rollback).
      await pc.setRemoteDescription(description);
    } catch (error) {
      // Whatever the other side sent, it breaks this call only, never the page.
      return hooks.onError?.(new PeerError('bad-description', messageOf(error), { cause: error }));
    } finally {
      settingRemoteAnswer = false;
    }
    for (const candidate of early.splice(0)) await addCandidate(candidate);
    if (description.type === 'offer') {
      await pc.setLocalDescription();
      sendDescription();
    }
  }

  async function receiveCandidate(candidate: Candidate): Promise<void> {
    if (!pc.remoteDescription) {
      // Some stacks send candidates before their description. Keep them for it, unless they
      // belong to an offer we ignored.
      if (!ignoreOffer && early.length < MAX_EARLY_CANDIDATES) early.push(candidate);
      return;
    }
    await addCandidate(candidate);
  }

  async function addCandidate(candidate: Candidate): Promise<void> {
    try {
      await pc.addIceCandidate(candidate);
    } catch (error) {
      // Candidates of an offer we ignored are expected to fail. Any other bad candidate costs
      // one path at most: the call goes on with the others.
      if (ignoreOffer || pc.signalingState === 'closed') return;
      candidatesRefused++;
      console.warn('Ignored an ICE candidate the browser refused:', candidate, error);
    }
  }
  // #endregion receive

  // Messages are handled one at a time, in arrival order: a candidate must never overtake the
  // description it belongs to.
  let queue = Promise.resolve();
  const receive = async (payload: SignalPayload) => {
    if (pc.signalingState === 'closed') return;
    if (payload.kind === 'description') await receiveDescription(payload.description);
    else if (payload.kind === 'candidate' && payload.candidate) {
      await receiveCandidate(payload.candidate);
    }
  };
  const unsubscribe = signaling.onSignal((payload) => {
    queue = queue
      .then(() => receive(payload))
      .catch((error: unknown) => {
        if (pc.signalingState === 'closed') return;
        hooks.onError?.(new PeerError('negotiation-failed', messageOf(error), { cause: error }));
      });
  });

  const stop = () => {
    unsubscribe();
    pc.onnegotiationneeded = null;
    pc.onicecandidate = null;
  };
  return {
    renegotiate,
    get candidatesRefused() {
      return candidatesRefused;
    },
    stop,
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
