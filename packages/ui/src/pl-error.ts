import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { describeError } from './describe-error.ts';

/**
 * Explains an error: what went wrong, and what to do about it. Renders nothing while `error` is
 * `null`.
 *
 * Give it whatever a `catch` caught: `describeError` explains camera and microphone errors,
 * signaling refusals and call failures in the words of their own packages, and anything else
 * honestly. Give it an `ErrorDescription` (a title, message and fix) to show your own words.
 *
 * @example html`<pl-error .error=${this.error} @pl-error-dismiss=${() => (this.error = null)}></pl-error>`
 * @fires pl-error-dismiss - when the user dismisses the error.
 * @csspart box - the alert box.
 * @csspart title - the one-line summary.
 * @csspart message - what happened.
 * @csspart fix - what to do about it.
 * @csspart dismiss - the dismiss button.
 */
@customElement('pl-error')
export class PlError extends LitElement {
  static override styles = css`
    .box {
      display: flex;
      gap: 1rem;
      align-items: flex-start;
      padding: 0.75rem 1rem;
      border: 1px solid #cf222e;
      border-radius: 0.5rem;
      background: #ffebe9;
      color: #1f2328;
    }
    .text {
      flex: 1;
    }
    p {
      margin: 0.25rem 0 0;
    }
    button {
      border: none;
      background: none;
      font-size: 1.25rem;
      line-height: 1;
      cursor: pointer;
    }
  `;

  /** The error to explain: anything thrown, an `ErrorDescription`, or `null` for none. */
  @property({ attribute: false }) error: unknown = null;

  protected override render() {
    if (this.error === null || this.error === undefined) return nothing;
    const { title, message, fix } = describeError(this.error);
    return html`
      <div class="box" part="box" role="alert">
        <div class="text">
          <strong part="title">${title}</strong>
          <p part="message">${message}</p>
          <p part="fix"><b>Fix:</b> ${fix}</p>
        </div>
        <button part="dismiss" type="button" aria-label="Dismiss" @click=${this.dismiss}>×</button>
      </div>
    `;
  }

  private dismiss(): void {
    this.error = null;
    this.dispatchEvent(new Event('pl-error-dismiss', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-error': PlError;
  }
  interface HTMLElementEventMap {
    'pl-error-dismiss': Event;
  }
}
