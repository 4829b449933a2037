import type { ServerResponse } from 'node:http';

/** Sends a JSON body that browsers and proxies must not cache. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(JSON.stringify(body));
}

/** Sends a page the hub rendered itself. */
export function sendHtml(res: ServerResponse, status: number, page: string): void {
  res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(page);
}

/** Redirects to `location` on this server. */
export function sendRedirect(res: ServerResponse, location: string): void {
  // 302, not 301: a permanent redirect would be cached for whatever else runs on this port later.
  res.writeHead(302, { Location: location, 'Content-Type': 'text/plain; charset=utf-8' });
  res.end(`Moved to ${location}\n`);
}
