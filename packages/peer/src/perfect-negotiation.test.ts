import type { SignalPayload } from '@peerlab/signaling';
import { afterEach, describe, expect, test } from 'vitest';
import type { PeerError } from './peer-error.ts';
import type { PeerSignaling } from './peer-signaling.ts';
import { negotiatePerfectly } from './perfect-negotiation.ts';

// A real RTCPeerConnection negotiated by the package, and a second one driven by hand playing
// the other peer — so each test can send what a careless or hostile stack would, in any order.
const open: RTCPeerConnection[] = [];
afterEach(() => open.splice(0).forEach((pc) => pc.close()));

function connection(): RTCPeerConnection {
  const pc = new RTCPeerConnection();
  open.push(pc);
  return pc;
}

/** Signaling whose far end is the test: it reads what we send and delivers what it likes. */
function handDriven() {
  const sent: SignalPayload[] = [];
  let deliver: (payload: SignalPayload) => void = () => {};
  const signaling: PeerSignaling = {
    send: (payload) => sent.push(payload),
    onSignal: (listener) => ((deliver = listener), () => (deliver = () => {})),
  };
  return { signaling, sent, deliver: (payload: SignalPayload) => deliver(payload) };
}

type Candidate = RTCIceCandidateInit & { candidate: string };

/** Every candidate of `pc`, once it has gathered them all. */
function gathered(pc: RTCPeerConnection): Promise<Candidate[]> {
  const candidates: Candidate[] = [];
  return new Promise((resolve) => {
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (candidate) candidates.push({ ...candidate.toJSON(), candidate: candidate.candidate });
      else resolve(candidates);
    });
  });
}

/** The package's side offers (it is impolite and has a data channel); returns the offer. */
async function offerFromPackage(errors: PeerError[] = []) {
  const pc = connection();
  const far = handDriven();
  const negotiation = negotiatePerfectly(pc, far.signaling, false, {
    onError: (error) => errors.push(error),
  });
  pc.createDataChannel('test');
  await expect.poll(() => far.sent.find((p) => p.kind === 'description')).toBeDefined();
  const offer = far.sent.find((p) => p.kind === 'description')!;
  return { pc, far, negotiation, offer: offer.kind === 'description' ? offer.description : null };
}

/** A bare connection answers `offer`: its answer, and all its candidates once gathered. */
async function answerByHand(offer: RTCSessionDescriptionInit) {
  const other = connection();
  const candidates = gathered(other);
  await other.setRemoteDescription(offer);
  await other.setLocalDescription();
  return { answer: other.localDescription!.toJSON(), candidates: await candidates };
}

async function remoteCandidateTypes(pc: RTCPeerConnection): Promise<string[]> {
  const types: string[] = [];
  (await pc.getStats()).forEach((stat: { type: string; candidateType?: string }) => {
    if (stat.type === 'remote-candidate' && stat.candidateType) types.push(stat.candidateType);
  });
  return types;
}

describe('negotiatePerfectly and what the other peer sends', () => {
  test('candidates that arrive before their description are kept and used', async () => {
    const errors: PeerError[] = [];
    const { pc, far, negotiation, offer } = await offerFromPackage(errors);
    const { answer, candidates } = await answerByHand(offer!);
    // Their candidates first, their answer last: the wrong order for a naive implementation.
    for (const candidate of candidates) far.deliver({ kind: 'candidate', candidate });
    far.deliver({ kind: 'description', description: answer });
    await expect.poll(() => pc.connectionState).toBe('connected');
    // A candidate we were told about is `host`; one found only by connectivity checks is `prflx`.
    expect(await remoteCandidateTypes(pc)).toContain('host');
    expect(negotiation.candidatesRefused).toBe(0);
    expect(errors).toEqual([]);
  });

  test('a candidate the browser refuses is counted, not fatal, and the call still connects', async () => {
    const errors: PeerError[] = [];
    const { pc, far, negotiation, offer } = await offerFromPackage(errors);
    const { answer, candidates } = await answerByHand(offer!);
    far.deliver({ kind: 'description', description: answer });
    far.deliver({ kind: 'candidate', candidate: { candidate: 'not a candidate', sdpMid: '0' } });
    far.deliver({ kind: 'candidate', candidate: { candidate: 'candidate:1', sdpMid: 'nope' } });
    for (const candidate of candidates) far.deliver({ kind: 'candidate', candidate });
    await expect.poll(() => pc.connectionState).toBe('connected');
    expect(negotiation.candidatesRefused).toBe(2);
    expect(errors).toEqual([]);
  });

  test('a description the browser cannot apply is a PeerError for this call, not a throw', async () => {
    const errors: PeerError[] = [];
    const { pc, far } = await offerFromPackage(errors);
    far.deliver({ kind: 'description', description: { type: 'answer', sdp: 'v=0\r\ngarbage' } });
    await expect.poll(() => errors.map((error) => error.code)).toEqual(['bad-description']);
    expect(errors[0]!.message.length).toBeGreaterThan(0);
    expect(pc.signalingState).toBe('have-local-offer'); // still waiting for a real answer
  });

  test('the polite side answers an offer and, on glare, rolls its own offer back', async () => {
    const pc = connection();
    const far = handDriven();
    const collisions: boolean[] = [];
    negotiatePerfectly(pc, far.signaling, true, {
      onCollision: ({ ignored }) => collisions.push(ignored),
    });
    // The polite side made an offer of its own (after its first-offer wait) …
    pc.createDataChannel('mine');
    await expect.poll(() => pc.signalingState, { timeout: 5_000 }).toBe('have-local-offer');
    // … when the other side's offer arrives: it gives way and answers.
    const other = connection();
    other.createDataChannel('theirs');
    await other.setLocalDescription();
    far.deliver({ kind: 'description', description: other.localDescription!.toJSON() });
    await expect.poll(() => pc.signalingState).toBe('stable');
    expect(collisions).toEqual([false]);
    const answers = far.sent.filter(
      (p) => p.kind === 'description' && p.description.type === 'answer',
    );
    expect(answers).toHaveLength(1);
  });
});
