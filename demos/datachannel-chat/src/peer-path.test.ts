import { describe, expect, test } from 'vitest';
import { PATH_WORDS, pathOfState, selectedPath } from './peer-path.ts';

describe('peer path', () => {
  test('each connection state has words, and a failure says what to do', () => {
    expect(pathOfState('new')).toBe('connecting');
    expect(pathOfState('disconnected')).toBe('reconnecting');
    expect(pathOfState('connected')).toBe('connected');
    expect(PATH_WORDS.failed.advice).toMatch(/TURN/);
    expect(PATH_WORDS.relay.label).toBe('relayed through TURN');
  });

  test('a loopback call is direct, by its selected candidate pair', async () => {
    const [a, b] = [new RTCPeerConnection(), new RTCPeerConnection()];
    a.onicecandidate = ({ candidate }) => candidate && void b.addIceCandidate(candidate);
    b.onicecandidate = ({ candidate }) => candidate && void a.addIceCandidate(candidate);
    a.createDataChannel('x');
    await a.setLocalDescription();
    await b.setRemoteDescription(a.localDescription!);
    await b.setLocalDescription();
    await a.setRemoteDescription(b.localDescription!);
    expect(await selectedPath(new RTCPeerConnection())).toBeUndefined();
    await expect.poll(() => a.connectionState).toBe('connected');
    await expect.poll(() => selectedPath(a)).toBe('direct');
    a.close();
    b.close();
  });
});
