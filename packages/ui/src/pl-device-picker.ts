import { listDevices, watchDevices, type DeviceLists } from '@peerlab/capture';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/** The `detail` of a `pl-device-change` event: the device the user picked. */
export interface DeviceChangeDetail {
  deviceId: string;
  kind: MediaDeviceKind;
}

const LIST_OF_KIND: Record<MediaDeviceKind, keyof DeviceLists> = {
  videoinput: 'videoInputs',
  audioinput: 'audioInputs',
  audiooutput: 'audioOutputs',
};

const NAME_OF_KIND: Record<MediaDeviceKind, string> = {
  videoinput: 'Camera',
  audioinput: 'Microphone',
  audiooutput: 'Speaker',
};

/**
 * A labelled drop-down of the cameras, microphones or speakers, kept up to date as devices are
 * plugged in and out.
 *
 * Browsers hide device names until the page may use a device: call {@link PlDevicePicker.refresh}
 * after `openCamera` succeeds to show them.
 *
 * @example html`<pl-device-picker kind="videoinput" @pl-device-change=${onPick}></pl-device-picker>`
 * @fires pl-device-change - `CustomEvent<DeviceChangeDetail>` when the user picks a device.
 * @csspart label - the text naming the drop-down.
 * @csspart select - the `<select>`.
 */
@customElement('pl-device-picker')
export class PlDevicePicker extends LitElement {
  static override styles = css`
    label {
      display: inline-flex;
      flex-direction: column;
      gap: 0.25rem;
    }
  `;

  /** Which devices to list. */
  @property() kind: MediaDeviceKind = 'videoinput';

  /** The selected device's `deviceId`; `''` means the browser's default (the first in the list). */
  @property() value = '';

  /** The text naming the drop-down; "Camera", "Microphone" or "Speaker" by default. */
  @property() label = '';

  /** Every device, or `null` until the first list arrives. */
  @state() private devices: DeviceLists | null = null;

  private unwatch?: () => void;

  override connectedCallback(): void {
    super.connectedCallback();
    // Insecure pages have no navigator.mediaDevices: the picker then shows that nothing was found.
    if (!(navigator.mediaDevices as MediaDevices | undefined)) {
      this.devices = { videoInputs: [], audioInputs: [], audioOutputs: [] };
      return;
    }
    this.unwatch = watchDevices((devices) => (this.devices = devices));
    void this.refresh();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unwatch?.();
  }

  /** Reads the device list again, e.g. once permission was granted and device names can be read. */
  async refresh(): Promise<void> {
    this.devices = await listDevices();
  }

  protected override render() {
    const name = NAME_OF_KIND[this.kind];
    const devices = this.devices?.[LIST_OF_KIND[this.kind]];
    return html`
      <label>
        <span part="label">${this.label || name}</span>
        <select part="select" ?disabled=${!devices?.length} @change=${this.onChange}>
          ${
            !devices
              ? html`<option>Looking for devices…</option>`
              : devices.length === 0
                ? html`<option>No ${name.toLowerCase()} found</option>`
                : devices.map(
                    // `.selected` on each option, not `.value` on the select: the select's bindings
                    // are set before its options exist. Names are '' until permission is granted.
                    (device, index) => html`
                      <option value=${device.deviceId} .selected=${device.deviceId === this.value}>
                        ${device.label || `${name} ${index + 1}`}
                      </option>
                    `,
                  )
          }
        </select>
      </label>
    `;
  }

  private onChange(event: Event): void {
    this.value = (event.target as HTMLSelectElement).value;
    const detail: DeviceChangeDetail = { deviceId: this.value, kind: this.kind };
    this.dispatchEvent(
      new CustomEvent('pl-device-change', { detail, bubbles: true, composed: true }),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-device-picker': PlDevicePicker;
  }
  interface HTMLElementEventMap {
    'pl-device-change': CustomEvent<DeviceChangeDetail>;
  }
}
