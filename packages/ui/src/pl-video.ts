import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';

/**
 * Shows a camera, screen or remote `MediaStream`, with an optional caption.
 *
 * The inner video always has `autoplay` and `playsinline`: without them a stream shows as a black
 * box (and goes full screen on iPhones). Local previews set `muted` so you don't hear yourself.
 * If the browser's autoplay policy still blocks playback, a "Click to play" button appears.
 *
 * @example html`<pl-video .srcObject=${stream} muted mirrored label="You"></pl-video>`
 * @fires pl-video-playing - when the video starts showing frames (again after a pause).
 * @csspart video - the inner `<video>`.
 * @csspart label - the caption over the video.
 * @csspart play-button - the "Click to play" button shown when autoplay was blocked.
 */
@customElement('pl-video')
export class PlVideo extends LitElement {
  static override styles = css`
    :host {
      display: block;
      position: relative;
      overflow: hidden;
      background: #000;
    }
    video {
      display: block;
      width: 100%;
      height: 100%;
      object-fit: contain;
    }
    :host([mirrored]) video {
      transform: scaleX(-1);
    }
    .label {
      position: absolute;
      left: 0.5rem;
      bottom: 0.5rem;
      padding: 0.125rem 0.5rem;
      border-radius: 0.25rem;
      background: rgb(0 0 0 / 60%);
      color: #fff;
      font:
        0.875rem system-ui,
        sans-serif;
    }
    .play {
      position: absolute;
      inset: 0;
      margin: auto;
      width: fit-content;
      height: fit-content;
      padding: 0.5rem 1rem;
      font:
        1rem system-ui,
        sans-serif;
      cursor: pointer;
    }
  `;

  /** The stream to show, or `null` for none. Set it as a property: streams have no attribute form. */
  @property({ attribute: false }) srcObject: MediaStream | null = null;

  /** Silences the video; set it for your own camera so you don't hear yourself, not for others. */
  @property({ type: Boolean, reflect: true }) muted = false;

  /** Flips the picture like a mirror, the way people expect to see themselves. */
  @property({ type: Boolean, reflect: true }) mirrored = false;

  /** A caption over the video, such as the person's name. */
  @property() label = '';

  /** True while the autoplay policy blocks playback, which shows the "Click to play" button. */
  @state() private playBlocked = false;

  /**
   * The inner `<video>`, for snapshots and frame loops.
   * It exists once the element has rendered: after `await element.updateComplete`.
   */
  get video(): HTMLVideoElement {
    const video = this.renderRoot?.querySelector('video');
    if (!video) throw new Error('<pl-video> has not rendered yet: await its updateComplete first.');
    return video;
  }

  protected override render() {
    // `.muted` sets the property as well as the attribute: the attribute only counts when the
    // video is created, and Lit adds it afterwards, so on its own it would never mute anything.
    return html`
      <video
        part="video"
        autoplay
        playsinline
        ?muted=${this.muted}
        .muted=${this.muted}
        @playing=${this.onPlaying}
      ></video>
      ${this.label ? html`<span class="label" part="label">${this.label}</span>` : nothing}
      ${
        this.playBlocked
          ? html`<button class="play" part="play-button" type="button" @click=${this.play}>
              Click to play
            </button>`
          : nothing
      }
    `;
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Not a `.srcObject` binding in the template: Lit sets object values again on every render, and
    // setting srcObject, even to the same stream, restarts the video.
    if (changed.has('srcObject')) {
      this.video.srcObject = this.srcObject;
      if (this.srcObject) void this.play();
    }
  }

  private async play(): Promise<void> {
    try {
      await this.video.play();
      this.playBlocked = false;
    } catch (err) {
      const name = (err as Partial<DOMException>).name;
      // The autoplay policy: sound may only start after the user has clicked on the page.
      if (name === 'NotAllowedError') this.playBlocked = true;
      // AbortError only means a newer srcObject replaced this one; anything else is worth a look.
      else if (name !== 'AbortError') console.warn('<pl-video> could not play the stream:', err);
    }
  }

  private onPlaying(): void {
    this.playBlocked = false;
    this.dispatchEvent(new Event('pl-video-playing', { bubbles: true, composed: true }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pl-video': PlVideo;
  }
  interface HTMLElementEventMap {
    'pl-video-playing': Event;
  }
}
