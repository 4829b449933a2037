/** The base URL for a server listening on `host:port`, ending in `/`. */
export function httpUrl(host: string, port: number, secure = false): string {
  // A wildcard address listens everywhere but is not something a browser can open.
  const name = host === '0.0.0.0' || host === '::' || host === '' ? 'localhost' : host;
  return `${secure ? 'https' : 'http'}://${name.includes(':') ? `[${name}]` : name}:${port}/`;
}
