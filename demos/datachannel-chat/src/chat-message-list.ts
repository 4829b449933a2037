import '@lit-labs/virtualizer';
import type { LitVirtualizer } from '@lit-labs/virtualizer';
import type { ChatEntry } from '@peerlab/chat';
import { css, html, LitElement } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { messageView } from './message-view.ts';

/**
 * The messages, virtualised: `<lit-virtualizer>` keeps only the messages in view (and a few
 * around them) in the DOM, so 10,000 cost about what 20 do. The layout is pinned to the newest
 * message until you scroll up (the virtualizer then says `unpinned`), and again once you scroll
 * back down.
 *
 * @fires chat-visible - `detail` holds the ids of the messages in view (for read receipts).
 */
@customElement('chat-message-list')
export class ChatMessageList extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    lit-virtualizer {
      height: var(--chat-list-height, 26rem);
    }
    .message {
      /* Laid out on its own: a message entering the view does not re-lay the others out. */
      contain: content;
      width: 100%;
      box-sizing: border-box;
      padding: 0.35rem 0.6rem;
      border-bottom: 1px solid rgb(127 127 127 / 0.15);
    }
    .message.mine {
      background: rgb(11 98 214 / 0.06);
    }
    header {
      display: flex;
      gap: 0.5rem;
      font-size: 0.85rem;
    }
    .nick {
      font-weight: 600;
    }
    time,
    .receipts {
      color: var(--muted, #667);
      font-size: 0.8rem;
    }
    .text {
      margin: 0.1rem 0;
      white-space: pre-wrap;
      overflow-wrap: anywhere;
    }
    .receipts {
      margin: 0;
    }
    .image {
      display: block;
      max-width: min(100%, 20rem);
      max-height: 16rem;
      margin: 0.25rem 0;
    }
    .more {
      font-size: 0.8rem;
    }
    .empty {
      color: var(--muted, #667);
    }
  `;

  /** The messages in order (a new array for each change). */
  @property({ attribute: false }) entries: readonly ChatEntry[] = [];
  /** Names my receipts by member. */
  @property({ attribute: false }) nickOf: (author: string) => string = (author) => author;
  @query('lit-virtualizer') private virtualizer?: LitVirtualizer<ChatEntry>;
  #expanded = new Set<string>();
  #stuck = true;

  protected override render() {
    if (this.entries.length === 0) {
      return html`<p class="empty">
        No messages yet. They go from browser to browser, never through the hub.
      </p>`;
    }
    const options = {
      nickOf: this.nickOf,
      expanded: this.#expanded,
      onExpand: (id: string) => {
        this.#expanded.add(id);
        this.entries = [...this.entries];
      },
    };
    return html`<lit-virtualizer
      scroller
      role="log"
      aria-label="Messages"
      .items=${this.entries}
      .keyFunction=${(entry: ChatEntry) => entry.message.id}
      .renderItem=${(entry: ChatEntry) => messageView(entry, options)}
      .layout=${this.#stuck ? { pin: { index: this.entries.length - 1, block: 'end' } } : {}}
      @unpinned=${() => (this.#stuck = false)}
      @scroll=${this.#onScroll}
      @visibilityChanged=${this.#onVisible}
    ></lit-virtualizer>`;
  }

  #onScroll(): void {
    const scroller = this.virtualizer;
    if (!scroller || this.#stuck) return;
    // Scrolled back down to the newest: pinned there again, so new messages keep it in view.
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 24) {
      this.#stuck = true;
      this.requestUpdate();
    }
  }

  #onVisible(event: Event & { first?: number; last?: number }): void {
    const { first = 0, last = -1 } = event;
    const ids = this.entries.slice(first, last + 1).map((entry) => entry.message.id);
    this.dispatchEvent(new CustomEvent('chat-visible', { detail: ids }));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-message-list': ChatMessageList;
  }
}
