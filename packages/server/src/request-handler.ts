import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { originRefusal } from '@peerlab/signaling/server';
import { createAppRouter } from './app-router.ts';
import type { AppInfo } from './discover-apps.ts';
import { createDocsRouter, type DocsSite } from './docs-site.ts';
import type { HubMetrics } from './hub-metrics.ts';
import { sendHtml, sendJson } from './http-responses.ts';
import { iceServersFor, type IceOptions } from './ice-config.ts';
import { renderLandingPage } from './landing-page.ts';
import { renderNotFoundPage } from './not-found-page.ts';

/** What the hub's HTTP routes need to know. */
export interface HubRouteContext {
  apps: readonly AppInfo[];
  docs: DocsSite;
  ice: IceOptions;
  /** Page origins, besides the hub's own, that may read the JSON endpoints (`*` for any). */
  allowedOrigins: readonly string[];
  /** The origins the hub is reached at; requests naming another host get 403 on the JSON. */
  servedOrigins: readonly string[];
  roomCount(): number;
  metrics: HubMetrics;
  startedAt: number;
  /** Called with errors thrown while answering a request (the client gets a 500). */
  onError(error: unknown): void;
}

/**
 * The hub's routes: `/` (landing page), `/healthz`, `/api/ice`, `/metrics`, the docs at `/docs/`, every
 * built app at its path, and a 404 page for the rest. socket.io answers `/socket.io/` itself
 * before this runs.
 */
export function createRequestHandler(context: HubRouteContext): RequestListener {
  const routeApp = createAppRouter(context.apps);
  const routeDocs = createDocsRouter(context.docs);
  const { ice } = context;
  const landingPage = renderLandingPage(context.apps, {
    docs: context.docs,
    ice: {
      servers: (ice.servers?.length ?? 0) + (ice.turn ? 1 : 0),
      turn: ice.turn !== undefined,
    },
  });

  function route(req: IncomingMessage, res: ServerResponse): void {
    const rawUrl = req.url ?? '/';
    // Split by hand: new URL() would read a path like `//host/x` as another host.
    const queryAt = rawUrl.indexOf('?');
    const pathname = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
    const search = queryAt === -1 ? '' : rawUrl.slice(queryAt);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${req.method} is not supported here; the hub only serves GET and HEAD.\n`);
      return;
    }
    if (pathname === '/') return sendHtml(res, 200, landingPage);
    if (pathname === '/healthz' || pathname === '/api/ice') {
      // The same rule as signaling's: /api/ice hands out TURN credentials.
      const refusal = originRefusal(req.headers, context);
      if (refusal) return sendJson(res, 403, { ok: false, error: refusal.message });
      allowCrossOrigin(req, res);
      return pathname === '/healthz'
        ? sendJson(res, 200, {
            ok: true,
            uptimeSeconds: Math.floor((Date.now() - context.startedAt) / 1000),
            apps: context.apps.length,
            rooms: context.roomCount(),
          })
        : sendJson(res, 200, iceServersFor(ice));
    }
    if (pathname === '/metrics') {
      const refusal = originRefusal(req.headers, context);
      if (refusal) return sendJson(res, 403, { ok: false, error: refusal.message });
      return void context.metrics.render().then(
        (text) => {
          res.writeHead(200, {
            'Content-Type': context.metrics.contentType,
            'Cache-Control': 'no-store',
          });
          res.end(text);
        },
        (error: unknown) => {
          context.onError(error);
          sendJson(res, 500, { ok: false, error: 'Internal server error' });
        },
      );
    }
    if (routeDocs(req, res, pathname, search)) return;
    if (routeApp(req, res, pathname, search)) return;
    sendHtml(res, 404, renderNotFoundPage(pathname));
  }

  return (req, res) => {
    try {
      route(req, res);
    } catch (error) {
      context.onError(error);
      if (!res.headersSent) sendJson(res, 500, { ok: false, error: 'Internal server error' });
      else res.destroy();
    }
  };
}

// Lets a page served elsewhere (say, a Vite dev server) read the JSON; the origin has passed
// originRefusal by then.
function allowCrossOrigin(req: IncomingMessage, res: ServerResponse): void {
  const { origin } = req.headers;
  res.setHeader('Vary', 'Origin');
  if (origin) res.setHeader('Access-Control-Allow-Origin', origin);
}
