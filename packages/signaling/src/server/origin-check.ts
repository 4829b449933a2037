import { signalingError, type SignalingErrorPayload } from '../errors.ts';
import { plainText, quoteText } from './describe-value.ts';

/** Which names the server answers to, and which pages may use it. */
export interface OriginPolicy {
  /**
   * The origins the server is reached at, such as `http://127.0.0.1:8080`, its network
   * addresses and a public URL. Loopback names (localhost, 127.x, [::1]) are always served.
   */
  servedOrigins: readonly string[];
  /** Page origins allowed besides the served ones (`*` for any page). */
  allowedOrigins: readonly string[];
}

export type OriginVerdict = 'allowed' | 'host-not-served' | 'origin-not-allowed';

/**
 * May this request use the server? Two checks, both on headers the browser sets itself:
 * - `Host` must be a name the server serves. A page of another site whose name was made to
 *   resolve to this machine (DNS rebinding) sends its own name, and is refused. Loopback
 *   names pass on any port: only a proxy on this machine, such as a Vite dev server, sends them.
 * - `Origin`, when there is one (browsers send it; CLI and test clients don't), must be on the
 *   allowlist, or a served origin, scheme included; or, through a local proxy, the proxy's own
 *   origin (a page of a Vite dev server on this machine).
 * The host of an allowed origin counts as served too: a dev server there proxies with its Host.
 */
export function checkOrigin(
  headers: { host?: string | undefined; origin?: string | undefined },
  policy: OriginPolicy,
): OriginVerdict {
  const host = headers.host === undefined ? undefined : parseHost(headers.host);
  if (!host) return 'host-not-served';
  const listed = policy.allowedOrigins.filter((origin) => origin !== '*');
  const served = [...policy.servedOrigins, ...listed].flatMap(
    (origin) => parseOrigin(origin) ?? [],
  );
  const servedHost = served.some((url) => sameAuthority(url, host));
  // Not served but a loopback name: a proxy on this machine forwarded its own Host.
  const localProxy = !servedHost && isLoopbackName(host.hostname);
  if (!servedHost && !localProxy) return 'host-not-served';

  const { origin } = headers;
  if (origin === undefined) return 'allowed';
  if (policy.allowedOrigins.includes('*') || policy.allowedOrigins.includes(origin))
    return 'allowed';
  const page = parseOrigin(origin);
  if (!page) return 'origin-not-allowed';
  if (served.some((url) => url.origin === page.origin)) return 'allowed';
  return localProxy && sameAuthority(page, host) ? 'allowed' : 'origin-not-allowed';
}

/** The typed refusal for a request checkOrigin does not allow, or undefined when it does. */
export function originRefusal(
  headers: { host?: string | undefined; origin?: string | undefined },
  policy: OriginPolicy,
): SignalingErrorPayload | undefined {
  const verdict = checkOrigin(headers, policy);
  if (verdict === 'allowed') return undefined;
  if (verdict === 'host-not-served') {
    const name = headers.host === undefined ? 'no name' : `the name ${quoteText(headers.host)}`;
    return signalingError(
      'origin-not-allowed',
      `This hub was reached under ${name}, which it does not serve, so it refused the request. ` +
        'If that is the address of the hub (a DNS name, or a proxy in front of it), start the hub with --public-url and that address.',
    );
  }
  const origin = plainText(headers.origin ?? '', 100);
  return signalingError(
    'origin-not-allowed',
    `Pages from ${origin} may not use this signaling server. Start it with --origin ${origin} to allow them.`,
  );
}

/** A Host header's name and port ('' when it names none); undefined when it is malformed. */
function parseHost(host: string): { hostname: string; port: string } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/i.exec(host);
  return match ? { hostname: match[1]!.toLowerCase(), port: match[2] ?? '' } : undefined;
}

/** An http(s) origin such as `https://example.org:8443`; undefined for anything else. */
function parseOrigin(origin: string): URL | undefined {
  try {
    const url = new URL(origin);
    return /^https?:$/.test(url.protocol) && url.origin !== 'null' ? url : undefined;
  } catch {
    return undefined;
  }
}

function isLoopbackName(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** Same name and port; a Host without a port means the scheme's default port. */
function sameAuthority(url: URL, host: { hostname: string; port: string }): boolean {
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  return url.hostname === host.hostname && (url.port || defaultPort) === (host.port || defaultPort);
}
