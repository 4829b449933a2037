import { html } from './html.ts';
import { renderPage } from './page-layout.ts';

/** A small 404 page that says what was asked for and links back to the landing page. */
export function renderNotFoundPage(
  path: string,
  reason = 'There is nothing at this address.',
): string {
  return renderPage(
    'Not found · PeerLab',
    html`<h1>Not found</h1>
      <p><code>${path}</code></p>
      <p>${reason}</p>
      <p><a href="/">Back to all PeerLab apps</a></p>`,
  );
}
