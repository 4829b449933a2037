import { TypedEmitter } from '@peerlab/events';
import { CHANNEL_PRESETS, type ChannelPreset } from './channel-presets.ts';
import { PeerChannel } from './peer-channel.ts';
import { PeerError } from './peer-error.ts';
import type { PeerSignaling } from './peer-signaling.ts';
import { negotiatePerfectly, type Negotiation } from './perfect-negotiation.ts';
import { restartIceWhenStuck, type IceRestartReason } from './restart-ice-when-stuck.ts';

export interface PeerSessionOptions {
  /** From the signaling server: exactly one side of each pair is polite. */
  polite: boolean;
  signaling: PeerSignaling;
  /** ICE servers, usually the hub's (`RoomCall` passes them on). */
  iceServers?: RTCIceServer[];
  /**
   * Fresh ICE servers, asked for before every ICE restart: TURN credentials may have run out
   * since the call began. If it fails, the restart goes on with the servers in hand.
   */
  refreshIceServers?: () => Promise<RTCIceServer[]>;
  /** `relay` forces every path through TURN. */
  iceTransportPolicy?: RTCIceTransportPolicy;
  /** How long `disconnected` may last before an ICE restart (default 4 s). */
  disconnectedTimeoutMs?: number;
}

export interface PeerSessionEvents {
  /** A remote track arrived; `stream` gathers all remote tracks of this peer. */
  track: { track: MediaStreamTrack; stream: MediaStream };
  /** The remote side opened a data channel. */
  channel: PeerChannel;
  'connection-state': RTCPeerConnectionState;
  'ice-restart': IceRestartReason;
  /** Both sides offered at once; `ignored` is true on the impolite side. */
  collision: { ignored: boolean };
  /** This call cannot go on as it is (a bad description from the other side, say). */
  error: PeerError;
  closed: void;
}

/**
 * One call with one remote peer: an RTCPeerConnection plus perfect negotiation, trickle ICE,
 * ICE restart and data channels. Add tracks or channels whenever you like: negotiation
 * follows by itself.
 */
export class PeerSession extends TypedEmitter<PeerSessionEvents> {
  readonly pc: RTCPeerConnection;
  readonly polite: boolean;
  /** Every remote track of this peer, ready for a `<video>`'s srcObject. */
  readonly remoteStream = new MediaStream();
  readonly #stop: (() => void)[] = [];
  readonly #negotiation: Negotiation;
  /** Negotiated channels by id: opening one twice hands back the first. */
  readonly #negotiated = new Map<number, PeerChannel>();
  readonly #refreshIceServers: (() => Promise<RTCIceServer[]>) | undefined;

  constructor(options: PeerSessionOptions) {
    super();
    this.polite = options.polite;
    this.pc = new RTCPeerConnection({
      iceServers: options.iceServers ?? [],
      iceTransportPolicy: options.iceTransportPolicy ?? 'all',
    });
    const negotiation = negotiatePerfectly(this.pc, options.signaling, options.polite, {
      onCollision: (info) => this.emit('collision', info),
      onError: (error) => this.emit('error', error),
    });
    this.#negotiation = negotiation;
    this.#refreshIceServers = options.refreshIceServers;
    this.#stop.push(
      negotiation.stop,
      restartIceWhenStuck(this.pc, {
        disconnectedTimeoutMs: options.disconnectedTimeoutMs ?? 4_000,
        restart: (reason) => void this.#restartIce(reason),
      }),
    );
    this.pc.addEventListener('track', ({ track }) => {
      this.remoteStream.addTrack(track);
      track.addEventListener('ended', () => this.remoteStream.removeTrack(track));
      this.emit('track', { track, stream: this.remoteStream });
    });
    this.pc.addEventListener('datachannel', ({ channel }) => {
      this.emit('channel', new PeerChannel(channel));
    });
    this.pc.addEventListener('connectionstatechange', () => {
      this.emit('connection-state', this.pc.connectionState);
    });
    this.#sayWhenTurnRefuses();
  }

  /**
   * A TURN server that refuses its credentials answers 401, and the browser just gathers no
   * relay candidate: the call fails later, or only on some networks, with no word why. Say it
   * once, as a PeerError, the moment it happens.
   */
  #sayWhenTurnRefuses(): void {
    const onError = (event: Event) => {
      const { errorCode, errorText, url } = event as RTCPeerConnectionIceErrorEvent;
      if (errorCode !== 401) return;
      this.pc.removeEventListener('icecandidateerror', onError);
      const message = `${url} answered ${errorCode} ${errorText.replace(/\.$/, '')}`;
      this.emit('error', new PeerError('turn-refused', message));
    };
    this.pc.addEventListener('icecandidateerror', onError);
  }

  get connectionState(): RTCPeerConnectionState {
    return this.pc.connectionState;
  }

  /** Sends every track of `stream` (camera and microphone, say). */
  addStream(stream: MediaStream): RTCRtpSender[] {
    return stream.getTracks().map((track) => this.pc.addTrack(track, stream));
  }

  /**
   * Opens a data channel. With `negotiatedId` both sides call this with the same id and the
   * channel needs no in-band announcement; without it the other side gets a `channel` event.
   * A negotiated channel opened already (by `RoomCall`'s `channels`, say) is handed back.
   */
  createChannel(
    label: string,
    options: { preset?: ChannelPreset; negotiatedId?: number } = {},
  ): PeerChannel {
    const { negotiatedId: id } = options;
    const opened = id === undefined ? undefined : this.#negotiated.get(id);
    if (opened && opened.label === label) return opened;
    const init: RTCDataChannelInit = { ...CHANNEL_PRESETS[options.preset ?? 'reliable'] };
    if (id !== undefined) Object.assign(init, { negotiated: true, id });
    const channel = new PeerChannel(this.pc.createDataChannel(label, init));
    if (id !== undefined) this.#negotiated.set(id, channel);
    return channel;
  }

  /**
   * Sends a new offer, for a change the browser does not negotiate by itself: codec
   * preferences (`transceiver.setCodecPreferences`) shape the next offer but ask for none.
   */
  renegotiate(): void {
    this.#negotiation.renegotiate();
  }

  /** ICE candidates from the other side that the browser refused (each is logged too). */
  get candidatesRefused(): number {
    return this.#negotiation.candidatesRefused;
  }

  /** Finds a new network path now (the session also does it by itself when ICE fails). */
  restartIce(): Promise<void> {
    return this.#restartIce('manual');
  }

  /** The STUN/TURN servers for the next candidates this call gathers (an ICE restart's). */
  setIceServers(iceServers: RTCIceServer[]): void {
    if (this.pc.signalingState === 'closed') return;
    this.pc.setConfiguration({ ...this.pc.getConfiguration(), iceServers });
  }

  async #restartIce(reason: IceRestartReason): Promise<void> {
    this.emit('ice-restart', reason);
    if (this.#refreshIceServers) {
      try {
        this.setIceServers(await this.#refreshIceServers());
      } catch (error) {
        console.warn('Restarting ICE with the ICE servers in hand:', error);
      }
    }
    if (this.pc.signalingState === 'closed') return;
    // Triggers negotiationneeded; the next offer carries new ICE credentials.
    this.pc.restartIce();
  }

  /** Resolves when the connection reaches `connected`; rejects if it fails or closes first. */
  connected(): Promise<void> {
    if (this.pc.connectionState === 'connected') return Promise.resolve();
    return new Promise((resolve, reject) => {
      const off = this.on('connection-state', (state) => {
        if (state === 'connected') resolve();
        else if (state === 'closed') reject(new Error('The call was closed before it connected.'));
        else return;
        off();
      });
    });
  }

  /** Hangs up. Local tracks stay yours to stop; remote tracks end. */
  close(): void {
    if (this.pc.signalingState === 'closed') return;
    for (const stop of this.#stop.splice(0)) stop();
    for (const track of this.remoteStream.getTracks()) {
      track.stop();
      this.remoteStream.removeTrack(track);
    }
    this.pc.close();
    // RTCPeerConnection fires no event for its own close(), so we say it.
    this.emit('connection-state', 'closed');
    this.emit('closed', undefined);
  }
}
