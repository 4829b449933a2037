import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'sirv';
import { sendHtml, sendRedirect } from './http-responses.ts';
import { renderNotFoundPage } from './not-found-page.ts';

/** A built folder served under a URL path: an app at `/demos/video-room/`, the docs at `/docs/`. */
export interface MountedSite {
  /** The URL path, ending in `/`. */
  path: string;
  /** Serves the built files; undefined while the folder is not built. */
  serve: RequestHandler | undefined;
  /** What the 404 page says while the folder is not built: how to build it. */
  notBuiltMessage: string;
  /** Answers a path the built folder does not have. */
  notFound: (res: ServerResponse, pathname: string) => void;
}

/** The plain 404 page, for a path a built folder does not have. */
export function sendNotFoundPage(res: ServerResponse, pathname: string): void {
  sendHtml(res, 404, renderNotFoundPage(pathname));
}

/**
 * Answers a request for `pathname` inside `site`, or for its path without the final `/`
 * (redirected there: pages built with relative URLs only work under a path ending in `/`).
 */
export function serveMountedSite(
  req: IncomingMessage,
  res: ServerResponse,
  site: MountedSite,
  pathname: string,
  search: string,
): void {
  if (`${pathname}/` === site.path) return sendRedirect(res, site.path + search);
  if (!site.serve) return sendHtml(res, 404, renderNotFoundPage(pathname, site.notBuiltMessage));
  // sirv looks files up from the start of req.url, so hand it the path inside the site.
  req.url = pathname.slice(site.path.length - 1) + search;
  site.serve(req, res, () => site.notFound(res, pathname));
}
