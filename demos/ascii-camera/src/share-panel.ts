import { RoomCall } from '@peerlab/peer';
import { SignalingClient } from '@peerlab/signaling';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';
import type { AsciiFrame } from './ascii-convert.ts';
import { AsciiShare, ASCII_CHANNEL } from './ascii-share.ts';
import { bytesPerSecond, readByteCounts, type ByteCounts } from './byte-rates.ts';

const $ = <T extends Element>(selector: string) => document.querySelector<T>(selector)!;

/**
 * The "Send it to a peer" section: joins a room with the camera as a video track plus the ASCII
 * frames on a data channel, shows the peer's frames, and each second the bytes/s of both.
 */
export class SharePanel {
  call: RoomCall | undefined;
  #share: AsciiShare | undefined;
  #ratesTimer = 0;
  readonly #remote = $<HTMLElement>('#remote');
  readonly #remoteText = $('#remote-ascii').appendChild(document.createTextNode(''));
  readonly #remoteVideo = $<PlVideo>('#remote-video');
  readonly #status = $<PlCallStatus>('#status');

  constructor(
    readonly camera: Promise<MediaStream>,
    readonly errorBox: PlError,
  ) {
    const room = $<HTMLInputElement>('#room');
    // A room name in the URL (?room=…) lets you share the call by sharing the link.
    room.value =
      new URLSearchParams(location.search).get('room') ??
      `ascii-${Math.random().toString(36).slice(2, 6)}`;
    $('#join-form').addEventListener('submit', (event) => {
      event.preventDefault();
      void this.join(room.value.trim());
    });
    $('#leave').addEventListener('click', () => this.leave());
  }

  /** Sends one frame to the peer, if there is one. */
  send(frame: AsciiFrame): void {
    this.#share?.send({ columns: frame.columns, rows: frame.rows, text: frame.text });
  }

  async join(room: string): Promise<void> {
    this.errorBox.error = null;
    this.#setInCall(true);
    this.#status.state = 'joining';
    const signaling = new SignalingClient();
    try {
      const stream = await this.camera;
      this.call = new RoomCall({ signaling, localStream: stream, channels: [ASCII_CHANNEL] });
      this.#share = new AsciiShare(this.call);
      this.#wire(this.call, this.#share);
      await this.call.join(room);
    } catch (error) {
      signaling.close();
      this.leave();
      this.errorBox.error = error; // a camera error, or the room saying no
      return;
    }
    history.replaceState(null, '', `?room=${encodeURIComponent(room)}`);
    this.#status.state = 'waiting';
    this.#measureRates(this.call);
  }

  leave(): void {
    this.call?.leave();
    this.call = undefined;
    this.#share = undefined;
    clearInterval(this.#ratesTimer);
    this.#showPeer(undefined);
    for (const output of document.querySelectorAll<HTMLOutputElement>('#rates output')) {
      output.textContent = '—';
      delete output.dataset.bytesPerSecond;
    }
    this.#status.state = 'idle';
    this.#setInCall(false);
  }

  #wire(call: RoomCall, share: AsciiShare): void {
    call.on('peer-added', ({ session }) => this.#showPeer(session.remoteStream));
    call.on('peer-removed', () => {
      this.#showPeer(undefined);
      this.#status.state = 'waiting';
    });
    call.on('peer-state', ({ state }) => (this.#status.state = state));
    call.on('error', (error) => (this.errorBox.error = error));
    const remotePre = $<HTMLElement>('#remote-ascii');
    share.on('frame', ({ columns, text }) => {
      if (remotePre.style.getPropertyValue('--columns') !== String(columns)) {
        remotePre.style.setProperty('--columns', String(columns));
      }
      this.#remoteText.data = text;
    });
  }

  #showPeer(stream: MediaStream | undefined): void {
    this.#remote.hidden = !stream;
    this.#remoteVideo.srcObject = stream ?? null;
    if (!stream) this.#remoteText.data = '';
  }

  /** Every second: what each counter gained over the last second. */
  #measureRates(call: RoomCall): void {
    const read = () =>
      readByteCounts(
        [...call.sessions.values()].map((session) => session.pc),
        ASCII_CHANNEL.label,
      );
    let before: { counts: ByteCounts; at: number } | undefined;
    this.#ratesTimer = window.setInterval(async () => {
      const counts = await read().catch(() => undefined); // the call may have just closed
      if (!counts) return;
      const at = performance.now();
      if (before && this.call === call) {
        const rates = bytesPerSecond(before.counts, counts, (at - before.at) / 1000);
        for (const [key, value] of Object.entries(rates)) showRate(key, value);
      }
      before = { counts, at };
    }, 1000);
  }

  #setInCall(inCall: boolean): void {
    $<HTMLButtonElement>('#join').disabled = inCall;
    $<HTMLInputElement>('#room').disabled = inCall;
    $<HTMLButtonElement>('#leave').disabled = !inCall;
  }
}

/** `textSent` → `#text-sent`, as "85.3 kB/s · 682 kbit/s", the raw number in a data attribute. */
function showRate(key: string, bytesPerSecond: number): void {
  const output = $<HTMLOutputElement>(`#${key.replace(/[A-Z]/, (c) => `-${c.toLowerCase()}`)}`);
  output.dataset.bytesPerSecond = String(Math.round(bytesPerSecond));
  output.textContent = `${(bytesPerSecond / 1000).toFixed(1)} kB/s · ${Math.round((bytesPerSecond * 8) / 1000)} kbit/s`;
}
