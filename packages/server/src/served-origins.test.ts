import type { NetworkInterfaceInfo } from 'node:os';
import { expect, test } from 'vitest';
import { servedOrigins } from './served-origins.ts';

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
};
const loopback = ['http://localhost:8080', 'http://127.0.0.1:8080', 'http://[::1]:8080'];

test('on 127.0.0.1: the loopback names at its port', () => {
  expect(servedOrigins({ host: '127.0.0.1', port: 8080, secure: false }, interfaces)).toEqual(
    loopback,
  );
});

test('on every interface: also the network addresses it prints, with https when secure', () => {
  expect(servedOrigins({ host: '0.0.0.0', port: 8443, secure: true }, interfaces)).toEqual([
    'https://localhost:8443',
    'https://127.0.0.1:8443',
    'https://[::1]:8443',
    'https://192.168.1.20:8443',
  ]);
});

test('a --host name, and the public URL with its own scheme and port', () => {
  expect(
    servedOrigins(
      { host: 'lab.local', port: 8080, secure: false, publicUrl: 'https://peerlab.example.org' },
      interfaces,
    ),
  ).toEqual([...loopback, 'http://lab.local:8080', 'https://peerlab.example.org']);
});
