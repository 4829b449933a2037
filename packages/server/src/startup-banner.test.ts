import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, test } from 'vitest';
import type { AppInfo } from './discover-apps.ts';
import { httpUrl } from './http-url.ts';
import { describeStartup, lanAddresses } from './startup-banner.ts';

const app = (overrides: Partial<AppInfo>): AppInfo => ({
  id: 'demos/video-room',
  kind: 'demo',
  dir: '/repo/demos/video-room',
  path: '/demos/video-room/',
  title: 'Video room',
  summary: 'Call.',
  order: 1,
  built: true,
  ...overrides,
});

const iface = (address: string, family: 'IPv4' | 'IPv6', internal: boolean) =>
  ({ address, family, internal }) as NetworkInterfaceInfo;
const interfaces = {
  lo: [iface('127.0.0.1', 'IPv4', true), iface('::1', 'IPv6', true)],
  eth0: [iface('192.168.1.20', 'IPv4', false), iface('fe80::1', 'IPv6', false)],
};

describe('describeStartup', () => {
  const hub = {
    url: 'http://127.0.0.1:8080/',
    port: 8080,
    apps: [
      app({
        id: 'codelab/01',
        kind: 'codelab',
        path: '/codelab/01/',
        title: 'Camera',
        built: false,
      }),
      app({}),
    ],
    docs: { path: '/docs/', built: true },
  };

  test('prints the landing page, each app URL and the JSON endpoints', () => {
    const text = describeStartup(hub, '127.0.0.1', interfaces);
    expect(text).toMatch(/^PeerLab hub: http:\/\/127\.0\.0\.1:8080\/\n/);
    expect(text).toMatch(
      /1\. Camera +http:\/\/127\.0\.0\.1:8080\/codelab\/01\/ +\(not built — run npm run build\)/,
    );
    expect(text).toMatch(/Video room +http:\/\/127\.0\.0\.1:8080\/demos\/video-room\/\n/);
    expect(text.indexOf('Codelab')).toBeLessThan(text.indexOf('Demos'));
    expect(text).toContain('http://127.0.0.1:8080/healthz');
    expect(text).toContain('http://127.0.0.1:8080/api/ice');
    expect(text).not.toContain('192.168.1.20');
    expect(text).not.toContain('https');
  });

  test('on every interface, lists LAN URLs and explains the https need for cameras', () => {
    const text = describeStartup({ ...hub, url: 'http://localhost:8080/' }, '0.0.0.0', interfaces);
    expect(text).toContain('On your network:\n  http://192.168.1.20:8080/');
    expect(text).toContain('cameras and microphones on https:// pages or on localhost');
  });

  test('prints the docs URL second, and how to build the docs when they are not', () => {
    expect(describeStartup(hub, '127.0.0.1', interfaces).split('\n')[1]).toBe(
      'Docs:        http://127.0.0.1:8080/docs/',
    );
    const unbuilt = { ...hub, docs: { path: '/docs/', built: false } };
    expect(describeStartup(unbuilt, '127.0.0.1', interfaces).split('\n')[1]).toBe(
      'Docs:        http://127.0.0.1:8080/docs/  (not built — run npm run build)',
    );
  });

  test('prints the public URL third, when there is one', () => {
    const proxied = { ...hub, publicUrl: 'https://peerlab.example.org' };
    expect(describeStartup(proxied, '127.0.0.1', interfaces).split('\n')[2]).toBe(
      'Public URL:  https://peerlab.example.org/',
    );
    expect(describeStartup(hub, '127.0.0.1', interfaces)).not.toContain('Public URL');
  });

  test('says when there are no apps', () => {
    expect(describeStartup({ ...hub, apps: [] }, '127.0.0.1', {})).toContain('No apps found');
  });

  test('over https, LAN URLs are https and the note explains the one-time warning', () => {
    const text = describeStartup(
      { ...hub, url: 'https://localhost:8443/', port: 8443 },
      '0.0.0.0',
      interfaces,
    );
    expect(text).toContain('https://192.168.1.20:8443/');
    expect(text).not.toContain('http://192.168.1.20');
    expect(text).toContain('each browser warns once per address');
    expect(text).not.toContain('restart with --https');
  });
});

describe('lanAddresses', () => {
  test('keeps external IPv4 addresses only', () => {
    expect(lanAddresses(interfaces)).toEqual(['192.168.1.20']);
  });
});

describe('httpUrl', () => {
  test('makes wildcard hosts openable and brackets IPv6', () => {
    expect(httpUrl('127.0.0.1', 80)).toBe('http://127.0.0.1:80/');
    expect(httpUrl('0.0.0.0', 8080)).toBe('http://localhost:8080/');
    expect(httpUrl('::', 8080)).toBe('http://localhost:8080/');
    expect(httpUrl('::1', 8080)).toBe('http://[::1]:8080/');
  });
});
