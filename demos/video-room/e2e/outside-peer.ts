import {
  PROTOCOL_VERSION,
  signalPayloadSchema,
  type ClientEvents,
  type JoinReply,
  type RelayedSignal,
  type ServerEvents,
  type SignalPayload,
} from '@peerlab/signaling';
import type { Page } from '@peerlab/testing';
import { io, type Socket } from 'socket.io-client';

type Candidate = NonNullable<Extract<SignalPayload, { kind: 'candidate' }>['candidate']>;

/**
 * A peer written from outside PeerLab, against `protocol.ts` alone: socket.io-client with the
 * protocol's event maps in Node, and a bare RTCPeerConnection in a page (`stack`) — no
 * SignalingClient, no PeerSession. What it receives it checks with the protocol's own schema.
 */
export class OutsidePeer {
  readonly relayed: RelayedSignal[] = [];
  peerId = '';

  private constructor(
    readonly socket: Socket<ServerEvents, ClientEvents>,
    readonly stack: Page,
  ) {
    socket.on('relay', (signal) => {
      signalPayloadSchema.parse(signal.payload); // what the hub relays is what the protocol says
      this.relayed.push(signal);
    });
  }

  /** Connects to the hub and joins `room`; resolves with the hub's answer. */
  static async join(hubUrl: string, stack: Page, room: string) {
    const socket: Socket<ServerEvents, ClientEvents> = io(hubUrl, {
      transports: ['websocket'],
      reconnection: false,
    });
    const peer = new OutsidePeer(socket, stack);
    const reply: JoinReply = await socket.emitWithAck('join', { v: PROTOCOL_VERSION, room });
    if (!reply.ok) throw new Error(`join refused: ${reply.error.code}`);
    peer.peerId = reply.peerId;
    return { peer, reply };
  }

  send(to: string, payload: SignalPayload): void {
    this.socket.emit('relay', { to, payload });
  }

  /** The first description relayed to us, once it is there. */
  description(): RTCSessionDescriptionInit | undefined {
    const found = this.relayed.find((signal) => signal.payload.kind === 'description');
    return found?.payload.kind === 'description' ? found.payload.description : undefined;
  }

  /** Answers `offer` in the page: the answer, and every candidate once gathering is done. */
  answer(offer: RTCSessionDescriptionInit) {
    return this.stack.evaluate(async (offer) => {
      const pc = new RTCPeerConnection();
      const chat = pc.createDataChannel('chat', { negotiated: true, id: 0 });
      const page = window as unknown as {
        pc: RTCPeerConnection;
        chat: RTCDataChannel;
        heard: string[];
      };
      Object.assign(page, { pc, chat, heard: [] });
      chat.onmessage = ({ data }) => page.heard.push(JSON.parse(data as string).text);
      pc.ontrack = ({ track, streams }) => {
        if (track.kind !== 'video') return;
        const video = Object.assign(document.createElement('video'), { muted: true });
        video.srcObject = streams[0] ?? new MediaStream([track]);
        document.body.append(video);
        void video.play();
      };
      const candidates: RTCIceCandidateInit[] = [];
      const gathered = new Promise<void>((resolve) => {
        pc.onicecandidate = ({ candidate }) =>
          candidate ? candidates.push(candidate.toJSON()) : resolve();
      });
      await pc.setRemoteDescription(offer);
      // The page's fake camera and microphone go back on the transceivers the offer made.
      const camera = await navigator.mediaDevices.getUserMedia({ video: true, audio: true });
      for (const track of camera.getTracks()) pc.addTrack(track, camera);
      await pc.setLocalDescription();
      await gathered;
      return { answer: pc.localDescription!.toJSON(), candidates: candidates as Candidate[] };
    }, offer);
  }

  /** Hands the page every candidate relayed so far; resolves with its `connectionState`. */
  takeCandidates(): Promise<RTCPeerConnectionState> {
    const candidates = this.relayed.flatMap((signal) =>
      signal.payload.kind === 'candidate' && signal.payload.candidate
        ? [signal.payload.candidate]
        : [],
    );
    return this.stack.evaluate(async (list) => {
      const { pc } = window as unknown as { pc: RTCPeerConnection };
      for (const candidate of list) await pc.addIceCandidate(candidate).catch(() => {});
      return pc.connectionState;
    }, candidates);
  }

  close(): void {
    this.socket.disconnect();
  }
}
