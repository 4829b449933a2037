import type { LinkCounters } from '@peerlab/chat';
import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PATH_WORDS, type PeerPath } from './peer-path.ts';

export interface PeerRow {
  peerId: string;
  /** Their nickname once their hello came. */
  nick: string | undefined;
  path: PeerPath;
  counters: LinkCounters;
  /** My messages waiting for them. */
  queued: number;
}

/** Who is here, how each call goes (and what to do if it failed), and the channel counters. */
@customElement('chat-peer-list')
export class ChatPeerList extends LitElement {
  static override styles = css`
    ul {
      list-style: none;
      margin: 0;
      padding: 0;
    }
    li {
      padding: 0.4rem 0;
      border-bottom: 1px solid rgb(127 127 127 / 0.15);
    }
    .path {
      font-size: 0.85rem;
    }
    .path[data-path='direct'],
    .path[data-path='relay'] {
      color: #1a7f37;
    }
    .path[data-path='failed'] {
      color: #cf222e;
    }
    .advice,
    .counters {
      margin: 0.15rem 0 0;
      font-size: 0.8rem;
      color: var(--muted, #667);
    }
  `;

  @property({ attribute: false }) rows: PeerRow[] = [];

  protected override render() {
    if (this.rows.length === 0) return html`<p class="advice">Nobody else yet: share the link.</p>`;
    return html`<ul>
      ${this.rows.map(({ peerId, nick, path, counters, queued }) => {
        const { label, advice } = PATH_WORDS[path];
        const { reliable, unreliable, rejected } = counters;
        return html`<li data-peer-id=${peerId}>
          <strong>${nick ?? `Peer ${peerId.slice(0, 4)}`}</strong>
          <span class="path" data-path=${path}>${label}</span>
          ${advice ? html`<p class="advice">${advice}</p>` : nothing}
          <p class="counters">
            reliable: <span data-counter="reliable-sent">${reliable.sent}</span> sent,
            <span data-counter="reliable-received">${reliable.received}</span> received ·
            unreliable: <span data-counter="unreliable-sent">${unreliable.sent}</span> sent,
            <span data-counter="unreliable-received">${unreliable.received}</span> received,
            <span data-counter="unreliable-lost">${unreliable.lost}</span> lost
            ${queued > 0 ? html` · <span data-counter="queued">${queued}</span> waiting` : nothing}
            ${rejected > 0 ? html` · <span data-counter="rejected">${rejected}</span> refused` : nothing}
          </p>
        </li>`;
      })}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'chat-peer-list': ChatPeerList;
  }
}
