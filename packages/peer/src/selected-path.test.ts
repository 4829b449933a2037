import { expect, test } from 'vitest';
import { selectedPair, selectedPath } from './selected-path.ts';

// Two real connections inside headless Chromium, candidates handed over directly.
test('a loopback call is direct, by its selected candidate pair', async () => {
  const [a, b] = [new RTCPeerConnection(), new RTCPeerConnection()];
  a.onicecandidate = ({ candidate }) => candidate && void b.addIceCandidate(candidate);
  b.onicecandidate = ({ candidate }) => candidate && void a.addIceCandidate(candidate);
  a.createDataChannel('path');
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription!);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription!);
  expect(await selectedPath(new RTCPeerConnection())).toBeUndefined();
  await expect.poll(() => a.connectionState).toBe('connected');
  await expect.poll(() => selectedPath(a)).toBe('direct');
  // b's own end is a host candidate; its remote end may be a's check seen before a's candidate
  // was added (prflx), and b may connect a moment after a.
  await expect.poll(async () => (await selectedPair(b))?.local).toBe('host');
  a.close();
  b.close();
});
