/**
 * A random id: 16 bytes (128 bits) in base64url, 22 characters. `crypto.getRandomValues` works on
 * plain-http pages too, where `crypto.randomUUID` does not (a workshop on a LAN may be one).
 */
export function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

/**
 * This tab's author key, kept in `sessionStorage`: the same across reloads of the tab (so its
 * messages are still "mine" after one), another in each tab, so two tabs are two people.
 */
export function tabAuthorKey(storage: Storage = sessionStorage): string {
  const key = 'peerlab-chat:author';
  const existing = storage.getItem(key);
  if (existing && /^[A-Za-z0-9_-]{8,64}$/.test(existing)) return existing;
  const fresh = randomId();
  storage.setItem(key, fresh);
  return fresh;
}
