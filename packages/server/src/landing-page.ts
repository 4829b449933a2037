import type { AppInfo } from './discover-apps.ts';
import { html, type SafeHtml } from './html.ts';
import { renderPage } from './page-layout.ts';

/** Facts about this hub shown on the landing page. */
export interface LandingPageInfo {
  /** The docs site: linked when built, otherwise marked with how to build it. */
  docs: { path: string; built: boolean };
  /** How many ICE servers `/api/ice` hands out, and whether TURN is among them. */
  ice: { servers: number; turn: boolean };
}

/** The learner's own app, `codelab/work`: listed apart, since it is not a step. */
const WORK_ID = 'codelab/work';

/**
 * The hub's home page: an intro, a link to the docs, the codelab steps in order, the learner's
 * own app, then the demos.
 */
export function renderLandingPage(apps: readonly AppInfo[], info: LandingPageInfo): string {
  const steps = apps.filter((app) => app.kind === 'codelab' && app.id !== WORK_ID);
  const work = apps.find((app) => app.id === WORK_ID);
  const demos = apps.filter((app) => app.kind === 'demo');
  return renderPage(
    'PeerLab',
    html`<h1>PeerLab</h1>
      <p class="intro">
        PeerLab teaches WebRTC by building it. Work through the codelab one step at a time, from
        opening the camera to a call between browsers, then try the demos that put it all together.
        This hub serves every app and runs the signaling server they use to find each other.
      </p>
      <p class="docs">${docsLink(info.docs)}</p>

      <section aria-labelledby="codelab">
        <h2 id="codelab">Codelab</h2>
        ${
          steps.length > 0
            ? html`<ol class="apps">
                ${steps.map(appEntry)}
              </ol>`
            : html`<p class="muted">No codelab steps yet.</p>`
        }
        ${work ? workEntry(work) : undefined}
      </section>

      <section aria-labelledby="demos">
        <h2 id="demos">Demos</h2>
        ${
          demos.length > 0
            ? html`<ul class="apps">
                ${demos.map(appEntry)}
              </ul>`
            : html`<p class="muted">No demos yet.</p>`
        }
      </section>

      <footer>
        <p>
          Health: <a href="/healthz"><code>/healthz</code></a> · ICE servers:
          <a href="/api/ice"><code>/api/ice</code></a>
        </p>
        <p>${describeIce(info.ice)}</p>
      </footer>`,
  );
}

function appEntry(app: AppInfo, index: number): SafeHtml {
  const numbered = app.kind === 'codelab' && app.id !== WORK_ID;
  const step = numbered ? html`<span class="step">${index + 1}.</span>` : undefined;
  const title = app.built
    ? html`<a class="title" href="${app.path}">${app.title}</a>`
    : html`<span class="title">${app.title}</span>`;
  const badge = app.built
    ? undefined
    : html`<span class="badge">not built — run npm run build</span>`;
  return html`<li>
    ${step}${title}${badge}
    <p>${app.summary}</p>
    <p class="muted"><code>${app.path}</code></p>
  </li>`;
}

/** Your own app, under a heading of its own and without a step number. */
function workEntry(work: AppInfo): SafeHtml {
  return html`<h3 id="your-work">Your work</h3>
    <ul class="apps">
      ${appEntry(work, 0)}
    </ul>`;
}

function docsLink(docs: LandingPageInfo['docs']): SafeHtml {
  const about = 'how the codelab works, the servers behind a call, troubleshooting, a glossary.';
  return docs.built
    ? html`<a class="title" href="${docs.path}">Read the docs</a>: ${about}`
    : html`<span class="title">Read the docs</span>: ${about}
        <span class="badge">not built — run npm run build</span>`;
}

function describeIce(ice: LandingPageInfo['ice']): string {
  if (ice.servers === 0) {
    return 'No STUN or TURN servers are configured: peers connect directly, on this machine or the same network.';
  }
  const turn = ice.turn ? ', including TURN with short-lived credentials' : '';
  return `${ice.servers} ICE server${ice.servers === 1 ? '' : 's'} configured${turn}.`;
}
