import { afterEach, describe, expect, inject, test } from 'vitest';
import type { PeerError } from './peer-error.ts';
import type { PeerChannel } from './peer-channel.ts';
import { PeerSession } from './peer-session.ts';
import { createLoopbackSignaling } from './peer-signaling.ts';

// Two real RTCPeerConnections in one page, signaling through an in-page loopback.
const open: PeerSession[] = [];
const streams: MediaStream[] = [];

function pair(options: { disconnectedTimeoutMs?: number } = {}) {
  const [left, right] = createLoopbackSignaling();
  const impolite = new PeerSession({ polite: false, signaling: left, ...options });
  const polite = new PeerSession({ polite: true, signaling: right, ...options });
  open.push(impolite, polite);
  return { impolite, polite };
}

async function camera(): Promise<MediaStream> {
  const stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
  streams.push(stream);
  return stream;
}

/** Resolves once `channel` is open (at once if it already is). */
function opened(channel: PeerChannel): Promise<void> {
  return channel.isOpen
    ? Promise.resolve()
    : new Promise((resolve) => channel.once('open', resolve));
}

function nextEvent<T>(subscribe: (resolve: (value: T) => void) => void): Promise<T> {
  return new Promise(subscribe);
}

afterEach(() => {
  for (const session of open.splice(0)) session.close();
  for (const stream of streams.splice(0)) stream.getTracks().forEach((t) => t.stop());
});

describe('PeerSession', () => {
  test('connects, sends camera and microphone, and the remote video decodes', async () => {
    const { impolite, polite } = pair();
    const tracks: string[] = [];
    polite.on('track', ({ track }) => tracks.push(track.kind));
    impolite.addStream(await camera());
    await Promise.all([impolite.connected(), polite.connected()]);
    await expect.poll(() => tracks.sort()).toEqual(['audio', 'video']);
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = polite.remoteStream;
    await video.play();
    await expect.poll(() => video.videoWidth).toBeGreaterThan(0);
  });

  test('data channels carry JSON and binary both ways', async () => {
    const { impolite, polite } = pair();
    const remote = nextEvent<PeerChannel>((r) => polite.once('channel', r));
    const local = impolite.createChannel('chat');
    const theirs = await remote;
    await Promise.all([opened(local), opened(theirs)]);
    const json = nextEvent((r) => theirs.once('json', r));
    local.sendJson({ text: 'hello', n: 1 });
    expect(await json).toEqual({ text: 'hello', n: 1 });
    const binary = nextEvent<ArrayBuffer>((r) => local.once('binary', r));
    theirs.channel.send(new Uint8Array([1, 2, 250]));
    expect([...new Uint8Array(await binary)]).toEqual([1, 2, 250]);
  });

  test('negotiated channels open on both sides with the chosen reliability', async () => {
    const { impolite, polite } = pair();
    const a = impolite.createChannel('game', { preset: 'unreliable', negotiatedId: 5 });
    const b = polite.createChannel('game', { preset: 'unreliable', negotiatedId: 5 });
    await Promise.all([opened(a), opened(b)]);
    expect(a.channel.ordered).toBe(false);
    expect(b.channel.maxRetransmits).toBe(0);
  });

  test('glare: both sides renegotiate at once and stay connected', async () => {
    const { impolite, polite } = pair();
    impolite.createChannel('warm-up');
    await Promise.all([impolite.connected(), polite.connected()]);
    const ignoredBy = { impolite: [] as boolean[], polite: [] as boolean[] };
    const errors: string[] = [];
    impolite.on('error', (e) => errors.push(e.message));
    polite.on('error', (e) => errors.push(e.message));
    impolite.on('collision', ({ ignored }) => ignoredBy.impolite.push(ignored));
    polite.on('collision', ({ ignored }) => ignoredBy.polite.push(ignored));
    // Both start sending video in the same task, so both fire negotiationneeded and both offer.
    const [a, b] = [await camera(), await camera()];
    impolite.pc.addTrack(a.getVideoTracks()[0]!, a);
    polite.pc.addTrack(b.getVideoTracks()[0]!, b);
    // One video m-line carrying both directions: each side sends and receives.
    await expect
      .poll(() =>
        [impolite, polite].flatMap((s) => s.pc.getTransceivers().map((t) => t.currentDirection)),
      )
      .toEqual(['sendrecv', 'sendrecv']);
    expect(impolite.remoteStream.getVideoTracks()).toHaveLength(1);
    expect(polite.remoteStream.getVideoTracks()).toHaveLength(1);
    await expect
      .poll(() => [impolite.pc.signalingState, polite.pc.signalingState])
      .toEqual(['stable', 'stable']);
    // The offers crossed: the impolite side ignored the polite one's offer, and the polite side
    // rolled its own back. (A stale offer can cross once more; the roles hold every time.)
    expect(ignoredBy.impolite.length).toBeGreaterThan(0);
    expect(ignoredBy.polite.length).toBeGreaterThan(0);
    expect(new Set(ignoredBy.impolite)).toEqual(new Set([true]));
    expect(new Set(ignoredBy.polite)).toEqual(new Set([false]));
    expect(errors).toEqual([]);
    expect([impolite.connectionState, polite.connectionState]).toEqual(['connected', 'connected']);
  });

  test('an ICE restart brings new ICE credentials and the call stays up', async () => {
    const { impolite, polite } = pair();
    impolite.createChannel('warm-up');
    await Promise.all([impolite.connected(), polite.connected()]);
    const ufrag = (pc: RTCPeerConnection) =>
      /a=ice-ufrag:(\S+)/.exec(pc.localDescription!.sdp)?.[1];
    const before = ufrag(impolite.pc);
    polite.restartIce();
    await expect.poll(() => ufrag(impolite.pc)).not.toBe(before);
    await expect.poll(() => impolite.pc.signalingState).toBe('stable');
    const channel = impolite.createChannel('after-restart', { negotiatedId: 9 });
    const other = polite.createChannel('after-restart', { negotiatedId: 9 });
    await Promise.all([opened(channel), opened(other)]);
    expect(impolite.connectionState).toBe('connected');
  });

  test('renegotiate offers a new codec order without restarting ICE', async () => {
    const { impolite, polite } = pair();
    impolite.addStream(await camera());
    await Promise.all([impolite.connected(), polite.connected()]);
    await expect.poll(() => impolite.pc.signalingState).toBe('stable');
    const ufrag = (pc: RTCPeerConnection) =>
      /a=ice-ufrag:(\S+)/.exec(pc.localDescription!.sdp)?.[1];
    /** The codec first in the video section of the offer `pc` received: the one used. */
    const firstVideoCodec = (pc: RTCPeerConnection) => {
      const sdp = pc.remoteDescription!.sdp;
      const payloadType = /m=video \d+ \S+ (\d+)/.exec(sdp)?.[1];
      return new RegExp(`a=rtpmap:${payloadType} ([\\w-]+)/`).exec(sdp)?.[1];
    };
    expect(firstVideoCodec(polite.pc)).not.toBe('VP9');
    const before = ufrag(impolite.pc);

    const transceiver = impolite.pc
      .getTransceivers()
      .find(({ sender }) => sender.track?.kind === 'video')!;
    const codecs = RTCRtpReceiver.getCapabilities('video')!.codecs;
    const isVp9 = (codec: RTCRtpCodec) => codec.mimeType === 'video/VP9';
    transceiver.setCodecPreferences([
      ...codecs.filter(isVp9),
      ...codecs.filter((codec) => !isVp9(codec)),
    ]);
    impolite.renegotiate();

    await expect.poll(() => firstVideoCodec(polite.pc)).toBe('VP9');
    expect(ufrag(impolite.pc)).toBe(before);
    expect(impolite.connectionState).toBe('connected');
  });

  test('when the other side vanishes, ICE restarts by itself after the disconnected timeout', async () => {
    const { impolite, polite } = pair({ disconnectedTimeoutMs: 300 });
    impolite.createChannel('warm-up');
    await Promise.all([impolite.connected(), polite.connected()]);
    const restarted = nextEvent((r) => impolite.once('ice-restart', r));
    const states: RTCPeerConnectionState[] = [];
    impolite.on('connection-state', (state) => states.push(state));
    // The remote browser disappears without a word (its connection just stops answering).
    polite.pc.close();
    expect(await restarted).toBe('disconnected');
    expect(states).toContain('disconnected');
  });

  test('when ICE fails, the session restarts it at once', async () => {
    // A disconnected timeout longer than the test: only the `failed` rule can fire.
    const { impolite, polite } = pair({ disconnectedTimeoutMs: 600_000 });
    impolite.createChannel('warm-up');
    await Promise.all([impolite.connected(), polite.connected()]);
    const restarted = nextEvent((r) => impolite.once('ice-restart', r));
    polite.pc.close();
    expect(await restarted).toBe('failed');
    expect(impolite.connectionState).toBe('failed');
  }, 60_000);

  test('close hangs up: state closed, remote tracks ended, the other side’s channel closes', async () => {
    const { impolite, polite } = pair();
    const remote = nextEvent<PeerChannel>((r) => polite.once('channel', r));
    impolite.createChannel('chat');
    polite.addStream(await camera());
    const theirs = await remote;
    await opened(theirs);
    await expect.poll(() => impolite.remoteStream.getTracks().length).toBe(2);
    const remoteTracks = impolite.remoteStream.getTracks();
    const closed = nextEvent((r) => theirs.once('close', r));
    impolite.close();
    expect(impolite.connectionState).toBe('closed');
    expect(remoteTracks.map((t) => t.readyState)).toEqual(['ended', 'ended']);
    await closed;
  });

  test('a TURN server refusing its credentials (401) is one PeerError, turn-refused, that says so', async () => {
    const { url, expired } = inject('turn');
    const [signaling] = createLoopbackSignaling();
    const session = new PeerSession({
      polite: false,
      signaling,
      iceServers: [{ urls: url, ...expired }],
      iceTransportPolicy: 'relay',
    });
    open.push(session);
    const errors: PeerError[] = [];
    session.on('error', (error) => errors.push(error));
    session.createChannel('x'); // something to negotiate: gathering starts
    await expect.poll(() => session.pc.iceGatheringState).toBe('complete');
    expect(errors.map((error) => [error.code, error.message])).toEqual([
      ['turn-refused', `${url} answered 401 Unauthorized`],
    ]);
  });
});
