/**
 * May a page on `origin` use this signaling server?
 * - no Origin header: not a browser page (a CLI or test client) → allowed;
 * - the page came from this very server (Origin matches Host) → allowed;
 * - otherwise only origins on the allowlist (`*` allows every origin).
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (!origin) return true;
  if (allowedOrigins.includes('*') || allowedOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
