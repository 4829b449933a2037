import sirv, { type RequestHandler } from 'sirv';

/**
 * Serves the files of a built folder (an app's or the docs' `dist/`) from `req.url`, which the
 * caller sets to the path inside that folder; `next` runs when there is no such file.
 */
export function serveStaticFiles(dir: string): RequestHandler {
  return sirv(dir, {
    dev: false,
    etag: true,
    single: false,
    // Revalidate on every load (cheap with ETags), so a rebuilt app is never shown stale.
    setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache'),
  });
}
