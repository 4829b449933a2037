import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AppInfo } from './discover-apps.ts';
import { sendHtml, sendRedirect } from './http-responses.ts';
import { renderNotFoundPage } from './not-found-page.ts';
import { serveStaticFiles } from './static-files.ts';

/** Handles a request if it belongs to an app; returns false for every other path. */
export type AppRouter = (
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  search: string,
) => boolean;

/**
 * Serves each built app's `dist/` folder at the app's path. Apps are built with Vite
 * `base: './'`, so their pages work under any path as long as the URL ends in `/`:
 * `/demos/video-room` is redirected to `/demos/video-room/`.
 */
export function createAppRouter(apps: readonly AppInfo[]): AppRouter {
  const servers = new Map(
    apps.filter((app) => app.built).map((app) => [app.id, serveStaticFiles(join(app.dir, 'dist'))]),
  );

  return (req, res, pathname, search) => {
    const app = apps.find(
      (candidate) => pathname.startsWith(candidate.path) || `${pathname}/` === candidate.path,
    );
    if (!app) return false;
    if (`${pathname}/` === app.path) {
      sendRedirect(res, app.path + search);
      return true;
    }
    const serve = servers.get(app.id);
    if (!serve) {
      sendHtml(
        res,
        404,
        renderNotFoundPage(
          pathname,
          `${app.title} is not built yet: run npm run build, then restart the hub.`,
        ),
      );
      return true;
    }
    // sirv looks files up from the start of req.url, so hand it the path inside the app.
    req.url = pathname.slice(app.path.length - 1) + search;
    serve(req, res, () => sendHtml(res, 404, renderNotFoundPage(pathname)));
    return true;
  };
}
