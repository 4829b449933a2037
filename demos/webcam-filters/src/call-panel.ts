import { RoomCall } from '@peerlab/peer';
import type { PlCallStatus, PlError, PlVideo } from '@peerlab/ui';

/** The elements of the "call" panel. */
export interface CallPanelElements {
  form: HTMLFormElement;
  room: HTMLInputElement;
  join: HTMLButtonElement;
  leave: HTMLButtonElement;
  status: PlCallStatus;
  error: PlError;
  remote: PlVideo;
}

/**
 * Joins a room by name and sends `filteredStream()` (the output canvas's capture stream) as the
 * video, so the other side sees the filters; their video shows in `remote`. One peer: rooms
 * hold two by default.
 */
export class CallPanel {
  #call: RoomCall | undefined;

  constructor(
    private readonly el: CallPanelElements,
    private readonly filteredStream: () => MediaStream | null,
  ) {
    el.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.#join();
    });
    el.leave.addEventListener('click', () => this.leave());
  }

  /** The RoomCall while in a room (for DevTools and tests). */
  get call(): RoomCall | undefined {
    return this.#call;
  }

  async #join(): Promise<void> {
    const stream = this.filteredStream();
    if (!stream) {
      this.el.error.error = {
        title: 'Start the camera first',
        message: 'The call sends the filtered camera, and the camera is not on yet.',
        fix: 'Click "Start camera", then join.',
      };
      return;
    }
    this.el.error.error = null;
    this.#setBusy(true);
    this.el.status.state = 'joining';
    const call = new RoomCall({ localStream: stream });
    this.#call = call;
    call.on('peer-added', ({ session }) => {
      this.el.remote.srcObject = session.remoteStream;
      this.#updateStatus();
    });
    call.on('peer-removed', () => {
      this.el.remote.srcObject = null;
      this.#updateStatus();
    });
    call.on('peer-state', () => this.#updateStatus());
    call.on('error', (error) => (this.el.error.error = error));
    try {
      await call.join(this.el.room.value.trim());
      this.#updateStatus();
    } catch (error) {
      this.leave();
      this.el.error.error = error; // such as "This room is full"
    }
  }

  /** Hangs up. The filtered stream stays: it belongs to the canvas, not to the call. */
  leave(): void {
    this.#call?.leave();
    this.#call = undefined;
    this.el.remote.srcObject = null;
    this.el.status.state = 'idle';
    this.#setBusy(false);
  }

  #updateStatus(): void {
    const session = [...(this.#call?.sessions.values() ?? [])][0];
    this.el.status.state = session?.connectionState ?? 'waiting';
  }

  #setBusy(inCall: boolean): void {
    this.el.join.disabled = inCall;
    this.el.room.disabled = inCall;
    this.el.leave.disabled = !inCall;
  }
}
