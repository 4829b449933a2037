/**
 * What the checker watches inside a page, whatever the app's code looks like: every
 * RTCPeerConnection it makes (states, candidates, first offers, data channels) and what its
 * WebSockets carry (signaling). Installed before the app's own scripts run, it only observes:
 * the one exception is `holdFirstDescriptionMs`, which delays the first offer or answer that
 * arrives, as a slow network would, so a check can see what the page does meanwhile.
 */

/** One RTCPeerConnection, as the probe saw it. */
export interface ProbedConnection {
  connectionState: RTCPeerConnectionState;
  signalingState: RTCSignalingState;
  iceGatheringState: RTCIceGatheringState;
  /** The `iceTransportPolicy` it was made with: `all`, or `relay` for relay only. */
  policy: RTCIceTransportPolicy;
  /** ICE candidates this connection found (`icecandidate` events with a candidate). */
  found: number;
  /** Candidates `addIceCandidate` applied, and those it refused. */
  added: number;
  refused: number;
  /** Whether the page set `onicecandidate` or listened for `icecandidate`. */
  listensForCandidates: boolean;
  /** Whether it made an offer before it had any description from the other side. */
  offeredFirst: boolean;
  /** The data channels it created, with their delivery options. */
  channels: { label: string; ordered: boolean; maxRetransmits: number | null }[];
}

/** Everything the probe saw in one page. */
export interface ProbeReport {
  connections: ProbedConnection[];
  /** Signaling over the page's WebSockets: descriptions and candidates each way. */
  signaling: {
    sockets: number;
    /** Answers to a join that said ok: the page is in a room. */
    joined: number;
    candidatesSent: number;
    candidatesReceived: number;
    descriptionsSent: number;
    descriptionsReceived: number;
  };
}

export interface ProbeOptions {
  /** Hold the first description that arrives (and what comes after it) this long. */
  holdFirstDescriptionMs?: number;
}

/** The init script: runs in the page, before its own code (`context.addInitScript`). */
export function installProbe(options: ProbeOptions): void {
  type Record = ProbedConnection & { pc: RTCPeerConnection };
  const records: Record[] = [];
  const signaling = {
    sockets: 0,
    joined: 0,
    candidatesSent: 0,
    candidatesReceived: 0,
    descriptionsSent: 0,
    descriptionsReceived: 0,
  };
  const recordOf = new WeakMap<RTCPeerConnection, Record>();
  const NativeConnection = window.RTCPeerConnection;
  const listen = EventTarget.prototype.addEventListener;

  class ProbedPeerConnection extends NativeConnection {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      const record: Record = {
        pc: this,
        connectionState: 'new',
        signalingState: 'stable',
        iceGatheringState: 'new',
        policy: this.getConfiguration().iceTransportPolicy ?? 'all',
        found: 0,
        added: 0,
        refused: 0,
        listensForCandidates: false,
        offeredFirst: false,
        channels: [],
      };
      records.push(record);
      recordOf.set(this, record);
      listen.call(this, 'icecandidate', (event) => {
        if ((event as RTCPeerConnectionIceEvent).candidate) record.found++;
      });
    }
    override addEventListener(
      type: string,
      listener: EventListenerOrEventListenerObject | null,
      options?: boolean | AddEventListenerOptions,
    ): void {
      if (type === 'icecandidate') recordOf.get(this)!.listensForCandidates = true;
      if (listener) super.addEventListener(type, listener, options);
    }
    override setLocalDescription(description?: RTCLocalSessionDescriptionInit): Promise<void> {
      const offering = description === undefined || description.type === 'offer';
      if (offering && this.signalingState === 'stable' && !this.remoteDescription) {
        recordOf.get(this)!.offeredFirst = true;
      }
      return super.setLocalDescription(description);
    }
    override addIceCandidate(candidate?: RTCIceCandidateInit | null): Promise<void> {
      const record = recordOf.get(this)!;
      const applied = super.addIceCandidate(candidate ?? undefined);
      applied.then(
        () => record.added++,
        () => record.refused++,
      );
      return applied;
    }
    override createDataChannel(label: string, init?: RTCDataChannelInit): RTCDataChannel {
      const channel = super.createDataChannel(label, init);
      const { ordered, maxRetransmits } = channel;
      recordOf.get(this)!.channels.push({ label, ordered, maxRetransmits });
      return channel;
    }
  }

  // The DOM declares event handler attributes as plain properties: wrap their setters here.
  const nativeCandidate = Object.getOwnPropertyDescriptor(
    NativeConnection.prototype,
    'onicecandidate',
  )!;
  Object.defineProperty(ProbedPeerConnection.prototype, 'onicecandidate', {
    ...nativeCandidate,
    set(this: RTCPeerConnection, handler: RTCPeerConnection['onicecandidate']) {
      recordOf.get(this)!.listensForCandidates = handler !== null;
      nativeCandidate.set!.call(this, handler);
    },
  });

  // socket.io frames are text: `42["relay",{…"payload":{"kind":"candidate",…}}]`.
  const kindOf = (data: unknown) =>
    typeof data === 'string' ? /"kind":"(candidate|description)"/.exec(data)?.[1] : undefined;
  let hold: (() => void)[] | undefined;
  let held = false;
  const NativeSocket = window.WebSocket;

  class ProbedWebSocket extends NativeSocket {
    constructor(...args: ConstructorParameters<typeof WebSocket>) {
      super(...args);
      signaling.sockets++;
    }
    override send(data: string | ArrayBufferLike | Blob | ArrayBufferView): void {
      const kind = kindOf(data);
      if (kind === 'candidate') signaling.candidatesSent++;
      if (kind === 'description') signaling.descriptionsSent++;
      super.send(data);
    }
  }

  /** Counts what arrives, and delivers it now, or in order once a hold is over. */
  function deliver(event: MessageEvent, handle: () => void): void {
    const kind = kindOf(event.data);
    if (kind === 'candidate') signaling.candidatesReceived++;
    if (kind === 'description') signaling.descriptionsReceived++;
    // The join's acknowledgement: `43[{"ok":true,"peerId":…,"token":…}]`.
    if (typeof event.data === 'string' && /"ok":true.*"token"/.test(event.data)) signaling.joined++;
    if (kind === 'description' && options.holdFirstDescriptionMs && !held) {
      held = true;
      hold = [];
      setTimeout(() => {
        const queue = hold!;
        hold = undefined;
        queue.forEach((handleLater) => handleLater());
      }, options.holdFirstDescriptionMs);
    }
    if (hold) hold.push(handle);
    else handle();
  }
  const nativeMessage = Object.getOwnPropertyDescriptor(NativeSocket.prototype, 'onmessage')!;
  Object.defineProperty(ProbedWebSocket.prototype, 'onmessage', {
    ...nativeMessage,
    set(this: WebSocket, handler: WebSocket['onmessage']) {
      const wrapped =
        handler && ((event: MessageEvent) => deliver(event, () => handler.call(this, event)));
      nativeMessage.set!.call(this, wrapped);
    },
  });

  window.RTCPeerConnection = ProbedPeerConnection;
  window.WebSocket = ProbedWebSocket;
  // The connections themselves, for checks that measure them (getStats, senders).
  Object.defineProperty(window, '__peerlabConnections', { value: () => records.map((r) => r.pc) });
  Object.defineProperty(window, '__peerlabCheck', {
    value: (): ProbeReport => ({
      connections: records.map(({ pc, ...record }) => ({
        ...record,
        connectionState: pc.connectionState,
        signalingState: pc.signalingState,
        iceGatheringState: pc.iceGatheringState,
      })),
      signaling: { ...signaling },
    }),
  });
}
