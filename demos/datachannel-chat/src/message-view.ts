import type { ChatEntry } from '@peerlab/chat';
import { html, nothing } from 'lit';
import { linkParts } from './link-parts.ts';
import { receiptWords } from './receipt-words.ts';

/** Longer messages show this much until "Show all" is pressed: a 1 MB paste is one click away. */
export const PREVIEW_CHARS = 2_000;

/** Made once: `toLocaleTimeString` builds a formatter per call, costly at 20 a frame. */
const TIME = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

export interface MessageViewOptions {
  nickOf: (author: string) => string;
  expanded: ReadonlySet<string>;
  onExpand: (id: string) => void;
}

// #region message-view
/**
 * One message. Every value goes in through a Lit `${}` binding: text becomes text nodes, never
 * markup, whatever a peer wrote. Only checked http(s) URLs become links; the image is a `data:`
 * URL of one of four image types with validated base64, so it cannot be a script either.
 */
export function messageView(entry: ChatEntry, options: MessageViewOptions) {
  const { message, mine } = entry;
  const long = message.text.length > PREVIEW_CHARS && !options.expanded.has(message.id);
  const text = long ? message.text.slice(0, PREVIEW_CHARS) : message.text;
  const time = TIME.format(message.at);
  return html`
    <article class="message ${mine ? 'mine' : ''}" data-id=${message.id}>
      <header>
        <span class="nick">${mine ? `${message.nick} (you)` : message.nick}</span>
        <time datetime=${new Date(message.at).toISOString()}>${time}</time>
      </header>
      ${
        message.image
          ? html`<img
              class="image"
              alt=${`Image from ${message.nick}`}
              src=${`data:${message.image.type};base64,${message.image.data}`}
            />`
          : nothing
      }
      ${text ? html`<p class="text">${textParts(text)}${long ? '…' : nothing}</p>` : nothing}
      ${
        long
          ? html`<button class="more" type="button" @click=${() => options.onExpand(message.id)}>
              Show all ${message.text.length.toLocaleString('en')} characters
            </button>`
          : nothing
      }
      ${mine ? html`<p class="receipts">${receiptWords(entry, options.nickOf)}</p>` : nothing}
    </article>
  `;
}
// #endregion message-view

/** The text with its http(s) links made clickable; white space kept as written (pre-wrap). */
function textParts(text: string) {
  return linkParts(text).map((part) =>
    'href' in part
      ? html`<a href=${part.href} target="_blank" rel="noopener noreferrer">${part.text}</a>`
      : part.text,
  );
}
