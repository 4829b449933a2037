import { TypedEmitter } from '@peerlab/events';
import type { PeerChannel, PeerSession } from '@peerlab/peer';
import { ChannelWriter } from './channel-writer.ts';
import {
  CHAT_LIMITS,
  parseFrame,
  type ChatFrame,
  type ChatMessage,
  type PlainLine,
} from './chat-frames.ts';
import { ChunkAssembler, chunkSizeFor, encodeFrame } from './framing.ts';

/**
 * The chat's data channels, the same on both sides (negotiated by id, so neither has to announce
 * them). Shaped like `RoomCall`'s `channels` option, to put them in each call's first offer.
 */
export const CHAT_CHANNELS = {
  reliable: { label: 'chat', negotiatedId: 0 },
  unreliable: { label: 'chat-unreliable', negotiatedId: 1, preset: 'unreliable' },
} as const;

export interface LinkCounters {
  /** Messages on the reliable channel (backlogs not counted). */
  reliable: { sent: number; received: number };
  /** Messages on the unreliable channel; `lost` are the numbers that never came. */
  unreliable: { sent: number; received: number; lost: number };
  /** Frames from this peer that were refused (not JSON, not a chat frame, too large). */
  rejected: number;
}

export interface PeerLinkEvents {
  open: void;
  close: void;
  frame: ChatFrame;
  plain: PlainLine;
  rejected: string;
}

/**
 * The chat's side of one call: a reliable channel (and, if asked, an unreliable one) to one
 * peer, with framing, backpressure and validation. Whatever the peer sends comes out as a
 * checked `frame`, or is counted in `rejected`; nothing it sends can throw here.
 */
export class PeerLink extends TypedEmitter<PeerLinkEvents> {
  readonly reliable: PeerChannel;
  readonly unreliable: PeerChannel | undefined;
  readonly counters: LinkCounters = {
    reliable: { sent: 0, received: 0 },
    unreliable: { sent: 0, received: 0, lost: 0 },
    rejected: 0,
  };
  /** Who the peer says it is, once its hello came; until then it is a plain peer. */
  hello: { author: string; nick: string } | undefined;
  helloSent = false;
  /** The share of unreliable messages dropped before sending, to show loss on loopback. */
  simulatedLoss = 0;
  readonly #writer: ChannelWriter;
  readonly #assembler = new ChunkAssembler(CHAT_LIMITS.frameBytes);
  #transfers = 0;
  #unreliableSeq = 0;
  #highestSeen = 0;

  constructor(
    readonly peerId: string,
    readonly session: PeerSession,
    options: { unreliable?: boolean } = {},
  ) {
    super();
    const { reliable, unreliable } = CHAT_CHANNELS;
    this.reliable = session.createChannel(reliable.label, { negotiatedId: reliable.negotiatedId });
    this.#writer = new ChannelWriter(this.reliable.channel);
    this.reliable.on('open', () => this.emit('open', undefined));
    this.reliable.on('close', () => this.emit('close', undefined));
    this.#receive(this.reliable, false);
    if (options.unreliable) {
      this.unreliable = session.createChannel(unreliable.label, unreliable);
      this.#receive(this.unreliable, true);
    }
  }

  get isOpen(): boolean {
    return this.reliable.isOpen;
  }

  /** Sends a frame on the reliable channel, in chunks if it is large. */
  send(frame: ChatFrame): void {
    const chunkSize = chunkSizeFor(this.session.pc.sctp?.maxMessageSize);
    this.#transfers = (this.#transfers + 1) >>> 0;
    this.#writer.write(encodeFrame(JSON.stringify(frame), chunkSize, this.#transfers));
    if (frame.type === 'msg') this.counters.reliable.sent += 1;
  }

  /**
   * Sends a message on the unreliable channel, once, never retransmitted. Returns false if it
   * cannot go that way (no such channel, or too large for one data-channel message).
   */
  sendUnreliable(message: ChatMessage): boolean {
    const channel = this.unreliable?.channel;
    if (!channel || channel.readyState !== 'open') return false;
    const json = JSON.stringify({ type: 'unreliable', seq: this.#unreliableSeq + 1, message });
    if (encodeFrame(json, chunkSizeFor(this.session.pc.sctp?.maxMessageSize), 0).length > 1) {
      return false;
    }
    this.#unreliableSeq += 1;
    this.counters.unreliable.sent += 1;
    if (Math.random() < this.simulatedLoss) return true; // lost on purpose, as a network would
    try {
      channel.send(json);
    } catch {
      // Closing under us: lost, as the channel's contract allows.
    }
    return true;
  }

  #receive(channel: PeerChannel, unreliable: boolean): void {
    channel.on('json', (value) => this.#take(value, unreliable));
    channel.on('binary', (data) => {
      let text: string | undefined;
      try {
        text = this.#assembler.add(data);
      } catch (error) {
        return this.#reject(`a bad chunk (${(error as Error).message})`);
      }
      if (text === undefined) return;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return this.#reject('a chunked frame that is not JSON');
      }
      this.#take(value, unreliable);
    });
    // PeerChannel reports text that is not JSON as an error event.
    channel.on('error', (error) => this.#reject(error.message));
  }

  #take(value: unknown, unreliable: boolean): void {
    const parsed = parseFrame(value);
    if (!parsed.ok) return this.#reject(parsed.reason);
    if ('plain' in parsed) return this.#deliver('plain', parsed.plain);
    const { frame } = parsed;
    // The unreliable channel carries numbered messages only; the reliable one never those.
    if (unreliable !== (frame.type === 'unreliable')) {
      return this.#reject(`a "${frame.type}" frame on the wrong channel`);
    }
    if (frame.type === 'unreliable') {
      const counter = this.counters.unreliable;
      counter.received += 1;
      this.#highestSeen = Math.max(this.#highestSeen, frame.seq);
      counter.lost = Math.max(0, this.#highestSeen - counter.received);
    } else if (frame.type === 'msg') {
      this.counters.reliable.received += 1;
    }
    this.#deliver('frame', frame);
  }

  #deliver<K extends 'frame' | 'plain'>(type: K, value: PeerLinkEvents[K]): void {
    try {
      this.emit(type, value);
    } catch (error) {
      // A listener's bug must not become the peer's power to break the page.
      console.error('The chat failed on a frame from', this.peerId, error);
    }
  }

  #reject(reason: string): void {
    this.counters.rejected += 1;
    this.emit('rejected', reason);
  }
}
