import { formatBytes } from '@peerlab/transfer';
import { html, nothing, type TemplateResult } from 'lit';
import { percent, stateWords, type TransferState } from './progress-words.ts';
import type { Incoming, IncomingEntry } from './receiving.ts';
import type { PeerShare, Share } from './sending.ts';

/**
 * The page's two lists as Lit templates. Every name and text from a peer goes in as a text
 * binding, which Lit sets as a text node: a file called `<img onerror=…>` shows as those
 * characters and runs nothing.
 */

export interface ViewActions {
  stop(share: Share): void;
  accept(incoming: Incoming): void;
  decline(incoming: Incoming): void;
  cancel(incoming: Incoming): void;
  save(entry: IncomingEntry): void;
  /** What the page knows of the path to a peer ("relayed through TURN"). */
  pathOf(peerId: string): string;
  /** Whether the browser has `showSaveFilePicker`. */
  canSaveAs: boolean;
}

const peerName = (peerId: string) => `peer ${peerId.slice(0, 6)}`;

function bar(state: TransferState): TemplateResult {
  if (state.kind === 'moving') {
    return html`<progress max="100" value=${percent(state.done, state.size)}></progress>`;
  }
  return html`<progress max="100" value=${state.kind === 'complete' ? 100 : 0}></progress>`;
}

function line(state: TransferState, error: unknown): TemplateResult {
  const why = error instanceof Error && state.kind !== 'complete' ? ` — ${error.message}` : '';
  return html`<span class="state" data-state=${state.kind}>${stateWords(state)}${why}</span>`;
}

// #region outgoing
export function shareView(share: Share, actions: ViewActions): TemplateResult {
  const names = share.items.map((item) => item.path);
  return html`<article class="share" data-share=${share.id}>
    <h3>
      ${share.items.length === 1 ? names[0] : `${share.items.length} files`} ·
      ${formatBytes(share.bytes)}
    </h3>
    ${
      share.items.length > 1
        ? html`<details>
            <summary>Files</summary>
            <ul class="names">
              ${names.map((name) => html`<li>${name}</li>`)}
            </ul>
          </details>`
        : nothing
    }
    <ul class="peers">
      ${
        share.peers.length === 0
          ? html`<li class="state">waiting for someone to open the link</li>`
          : share.peers.map((peer) => peerRow(peer, actions))
      }
    </ul>
    <button class="stop" ?disabled=${share.stopped} @click=${() => actions.stop(share)}>
      ${share.stopped ? 'Stopped' : 'Stop sharing'}
    </button>
  </article>`;
}

function peerRow(peer: PeerShare, actions: ViewActions): TemplateResult {
  return html`<li data-peer=${peer.peerId}>
    <span class="who">${peerName(peer.peerId)} (${actions.pathOf(peer.peerId)})</span>
    ${bar(peer.state)} ${line(peer.state, peer.error)}
  </li>`;
}
// #endregion outgoing

// #region incoming
export function incomingView(incoming: Incoming, actions: ViewActions): TemplateResult {
  const { offer } = incoming;
  const running = incoming.entries.some((e) => ['waiting', 'moving'].includes(e.state.kind));
  return html`<article class="incoming" data-peer=${incoming.peerId} data-offer=${offer.offerId}>
    <h3>
      From ${peerName(incoming.peerId)} (${actions.pathOf(incoming.peerId)}):
      ${offer.files.length === 1 ? '1 file' : `${offer.files.length} files`} ·
      ${formatBytes(offer.totalBytes)}
    </h3>
    ${
      incoming.answered
        ? nothing
        : html`<p class="answer">
            <button class="accept" @click=${() => actions.accept(incoming)}>Accept</button>
            <button class="decline" @click=${() => actions.decline(incoming)}>Decline</button>
          </p>`
    }
    <pl-error .error=${incoming.error ?? null}></pl-error>
    <ul class="files">
      ${incoming.entries.map((entry) => fileRow(entry, actions))}
    </ul>
    ${
      incoming.answered && running
        ? html`<button class="cancel" @click=${() => actions.cancel(incoming)}>Cancel</button>`
        : nothing
    }
  </article>`;
}

function fileRow(entry: IncomingEntry, actions: ViewActions): TemplateResult {
  const name = entry.path.split('/').pop()!;
  return html`<li data-path=${entry.path}>
    <span class="name">${entry.path}</span> <span class="size">${formatBytes(entry.size)}</span>
    ${bar(entry.state)} ${line(entry.state, entry.error)}
    ${
      entry.url
        ? html`<a class="download" href=${entry.url} download=${name}>Download</a> ${
              actions.canSaveAs
                ? html`<button class="save-as" @click=${() => actions.save(entry)}>
                    Save as…
                  </button>`
                : nothing
            }`
        : nothing
    }
    ${entry.text !== undefined ? html`<pre class="text">${entry.text}</pre>` : nothing}
  </li>`;
}
// #endregion incoming
