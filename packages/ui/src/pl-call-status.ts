import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/**
 * Where a call stands: the app's own steps (`idle`, `joining`, `waiting`, `reconnecting`) plus the
 * `RTCPeerConnection.connectionState` values (`new` … `closed`).
 */
export type CallState =
  | 'idle'
  | 'joining'
  | 'waiting'
  | 'new'
  | 'connecting'
  | 'connected'
  | 'disconnected'
  | 'failed'
  | 'closed'
  | 'reconnecting';

/** The sentence `<pl-call-status>` shows for each {@link CallState}. */
export const CALL_STATE_SENTENCES: Readonly<Record<CallState, string>> = {
  idle: 'Not in a call.',
  joining: 'Joining the room…',
  waiting: 'Waiting for someone to join…',
  new: 'Getting ready to connect…',
  connecting: 'Connecting…',
  connected: 'Connected.',
  disconnected: 'Connection interrupted, waiting for it to come back…',
  failed: 'The connection failed.',
  closed: 'The call has ended.',
  reconnecting: 'Reconnecting…',
};

/**
 * Shows where a call stands as a coloured dot and a sentence, announced politely to screen readers.
 *
 * @example html`<pl-call-status .state=${peer.connectionState} detail="with Ada"></pl-call-status>`
 * @csspart dot - the coloured dot.
 * @csspart sentence - the sentence for the state.
 * @csspart detail - the optional detail text.
 * @cssprop --pl-call-status-color - the dot's colour; set per state by default.
 */
@customElement('pl-call-status')
export class PlCallStatus extends LitElement {
  static override styles = css`
    :host {
      --pl-call-status-color: #6e7781;
      display: inline-flex;
      align-items: center;
      gap: 0.5em;
    }
    :host([state='joining']),
    :host([state='waiting']),
    :host([state='new']),
    :host([state='connecting']),
    :host([state='reconnecting']) {
      --pl-call-status-color: #bf8700;
    }
    :host([state='connected']) {
      --pl-call-status-color: #1a7f37;
    }
    :host([state='disconnected']) {
      --pl-call-status-color: #bc4c00;
    }
    :host([state='failed']) {
      --pl-call-status-color: #cf222e;
    }
    .dot {
      width: 0.75em;
      height: 0.75em;
      border-radius: 50%;
      background: var(--pl-call-status-color);
    }
    .detail {
      opacity: 0.7;
    }
  `;

  /** Where the call stands; reflected to the `state` attribute, which picks the dot's colour. */
  @property({ reflect: true }) state: CallState = 'idle';

  /** Extra words after the sentence, such as who the call is with. */
  @property() detail = '';

  override connectedCallback(): void {
    super.connectedCallback();
    // A live region: screen readers read each new state out without moving the focus.
    this.setAttribute('role', 'status');
    this.setAttribute('aria-live', 'polite');
  }

  protected override render() {
    return html`
      <span class="dot" part="dot"></span>
      <span part="sentence">${CALL_STATE_SENTENCES[this.state] ?? this.state}</span>
      ${this.detail ? html`<span class="detail" part="detail">${this.detail}</span>` : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-call-status': PlCallStatus;
  }
}
