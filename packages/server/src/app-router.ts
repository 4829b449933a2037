import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AppInfo } from './discover-apps.ts';
import { sendNotFoundPage, serveMountedSite, type MountedSite } from './mounted-site.ts';
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
  const sites = new Map<string, MountedSite>(
    apps.map((app) => [
      app.id,
      {
        path: app.path,
        serve: app.built ? serveStaticFiles(join(app.dir, 'dist')) : undefined,
        notBuiltMessage: `${app.title} is not built yet: run npm run build, then restart the hub.`,
        notFound: sendNotFoundPage,
      },
    ]),
  );

  return (req, res, pathname, search) => {
    const app = apps.find(
      (candidate) => pathname.startsWith(candidate.path) || `${pathname}/` === candidate.path,
    );
    if (!app) return false;
    serveMountedSite(req, res, sites.get(app.id)!, pathname, search);
    return true;
  };
}
