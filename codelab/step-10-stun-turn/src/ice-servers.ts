// #region fetch-ice
/** The body of the hub's `GET /api/ice`. */
export interface IceConfig {
  iceServers: RTCIceServer[];
  /** Present when TURN credentials are in the list: how long they last, in seconds. */
  ttlSeconds?: number;
}

/** Asks the hub which STUN and TURN servers to use, with fresh TURN credentials. */
export async function fetchIceConfig(): Promise<IceConfig> {
  // no-store: credentials expire, so never take an old answer from the HTTP cache.
  const response = await fetch('/api/ice', { cache: 'no-store' });
  if (!response.ok) throw new Error(`GET /api/ice answered HTTP ${response.status}`);
  return (await response.json()) as IceConfig;
}
// #endregion fetch-ice

// #region turn-credentials
const urlsOf = (server: RTCIceServer) =>
  typeof server.urls === 'string' ? [server.urls] : server.urls;

/** Whether a server is a TURN server (`turn:` or `turns:`), the only kind that relays. */
export const isTurn = (server: RTCIceServer) => urlsOf(server).some((url) => /^turns?:/.test(url));

/** A TURN REST username is `<expiry in Unix seconds>:<user>`: when do these credentials expire? */
export function turnExpiry(username: string): Date | undefined {
  const seconds = Number(username.split(':')[0]);
  return Number.isInteger(seconds) && seconds > 0 ? new Date(seconds * 1000) : undefined;
}

/** The first 4 characters of a password: enough to tell two apart, not to use one. */
const mask = (credential: string) => `${credential.slice(0, 4)}${'•'.repeat(8)}`;
// #endregion turn-credentials

// #region show-servers
/** Lists each server as `<li data-kind="turn|stun">`: its URLs, and its credentials decoded. */
export function showIceServers(list: HTMLElement, servers: RTCIceServer[]): void {
  list.replaceChildren(
    ...servers.map((server) => {
      const item = document.createElement('li');
      item.dataset.kind = isTurn(server) ? 'turn' : 'stun';
      item.append(field('urls', urlsOf(server).join(', ')));
      if (server.username) {
        item.append(field('username', server.username));
        const expiry = turnExpiry(server.username);
        if (expiry) {
          const minutes = Math.round((expiry.getTime() - Date.now()) / 60_000);
          item.append(field('expiry', `${expiry.toLocaleString()} (in ${minutes} min)`));
        }
      }
      if (typeof server.credential === 'string') {
        item.append(field('credential', mask(server.credential)));
      }
      return item;
    }),
  );
  if (servers.length === 0) list.append(field('none', 'No servers: an empty list.'));
}

function field(name: string, value: string): HTMLElement {
  const line = document.createElement('span');
  line.dataset.show = name;
  line.textContent = name === 'urls' || name === 'none' ? value : `${name}: ${value}`;
  return line;
}
// #endregion show-servers
