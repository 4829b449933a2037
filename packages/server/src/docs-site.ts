import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AppRouter } from './app-router.ts';
import { sendHtml } from './http-responses.ts';
import { sendNotFoundPage, serveMountedSite, type MountedSite } from './mounted-site.ts';
import { serveStaticFiles } from './static-files.ts';

/** The PeerLab docs site (VitePress, `docs/`), built with `base: '/docs/'` into `docs/dist/`. */
export interface DocsSite {
  /** The URL path it is served at: `/docs/`. */
  path: string;
  /** Absolute path of the built site. */
  dir: string;
  /** Whether `<dir>/index.html` exists. */
  built: boolean;
}

export const DOCS_PATH = '/docs/';

/** Where the docs of the repo at `rootDir` are built, and whether they are. */
export function findDocsSite(rootDir: string): DocsSite {
  const dir = join(rootDir, 'docs', 'dist');
  return { path: DOCS_PATH, dir, built: existsSync(join(dir, 'index.html')) };
}

/**
 * Serves the built docs at `/docs/` (and redirects `/docs` there). VitePress writes clean URLs
 * (`/docs/servers` is `servers.html`) and its own 404 page, used for pages it does not have.
 * Unbuilt docs answer a 404 page that says how to build them.
 */
export function createDocsRouter(site: DocsSite): AppRouter {
  const notFoundFile = join(site.dir, '404.html');
  const mounted: MountedSite = {
    path: site.path,
    serve: site.built ? serveStaticFiles(site.dir) : undefined,
    notBuiltMessage:
      'The PeerLab docs are not built yet: run npm run build (or npm run build --workspace docs), then restart the hub.',
    // VitePress's own 404 page, in the site's look; the plain one if it is missing.
    notFound: (res, pathname) =>
      void readFile(notFoundFile, 'utf8').then(
        (page) => sendHtml(res, 404, page),
        () => sendNotFoundPage(res, pathname),
      ),
  };

  return (req, res, pathname, search) => {
    if (!pathname.startsWith(site.path) && `${pathname}/` !== site.path) return false;
    serveMountedSite(req, res, mounted, pathname, search);
    return true;
  };
}
