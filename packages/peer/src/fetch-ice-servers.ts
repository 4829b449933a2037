/**
 * The hub tells every page which STUN/TURN servers to use (`GET /api/ice`), so TURN
 * credentials are minted on the server and its secret never reaches a browser.
 */
export async function fetchIceServers(): Promise<RTCIceServer[]> {
  try {
    const response = await fetch('/api/ice', { cache: 'no-store' });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    const { iceServers } = (await response.json()) as { iceServers: RTCIceServer[] };
    return iceServers;
  } catch (error) {
    // Without ICE servers, calls still work on one machine or one network (host candidates).
    console.warn('Could not load /api/ice; going on with no STUN or TURN servers.', error);
    return [];
  }
}
