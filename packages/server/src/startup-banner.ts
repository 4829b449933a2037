import type { NetworkInterfaceInfo } from 'node:os';
import type { AppInfo } from './discover-apps.ts';
import { httpUrl } from './http-url.ts';

/** What `peerlab serve` prints once the hub listens: every URL it serves, and how to stop it. */
export function describeStartup(
  hub: {
    url: string;
    port: number;
    apps: readonly AppInfo[];
    docs: { path: string; built: boolean };
    publicUrl?: string | undefined;
  },
  host: string,
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string {
  const notBuilt = '  (not built — run npm run build)';
  const docsUrl = new URL(hub.docs.path, hub.url).href;
  const lines = [
    `PeerLab hub: ${hub.url}`,
    `Docs:        ${docsUrl}${hub.docs.built ? '' : notBuilt}`,
    ...(hub.publicUrl ? [`Public URL:  ${new URL(hub.publicUrl).href}`] : []),
    '',
  ];
  const steps = hub.apps.filter((app) => app.kind === 'codelab');
  const demos = hub.apps.filter((app) => app.kind === 'demo');
  const entry = (app: AppInfo, label: string) =>
    `  ${label.padEnd(28)} ${new URL(app.path, hub.url).href}${app.built ? '' : notBuilt}`;
  if (steps.length > 0)
    lines.push('Codelab', ...steps.map((app, i) => entry(app, `${i + 1}. ${app.title}`)));
  if (demos.length > 0) lines.push('Demos', ...demos.map((app) => entry(app, app.title)));
  if (hub.apps.length === 0) lines.push('No apps found under codelab/ or demos/.');
  lines.push(
    '',
    `Health: ${new URL('/healthz', hub.url).href}   ICE: ${new URL('/api/ice', hub.url).href}`,
  );

  const wildcard = host === '0.0.0.0' || host === '::';
  const lan = wildcard ? lanAddresses(interfaces) : [];
  const secure = hub.url.startsWith('https:');
  if (lan.length > 0) {
    const urls = lan.map((address) => `  ${httpUrl(address, hub.port, secure)}`);
    lines.push('', 'On your network:', ...urls);
  }
  if (secure) {
    lines.push(
      '',
      'The certificate is self-signed unless you gave --cert: each browser warns once per address;',
      'choose to continue, and cameras work on every machine that can reach these URLs.',
    );
  } else if (wildcard || !isLoopback(host)) {
    lines.push(
      '',
      'Note: browsers only open cameras and microphones on https:// pages or on localhost, so on',
      'other machines these http:// URLs need https: restart with --https.',
    );
  }
  lines.push('', 'Press Ctrl+C to stop.');
  return lines.join('\n');
}

/** The machine's IPv4 addresses that other machines can reach (not loopback). */
export function lanAddresses(interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces)
    .flatMap((list) => list ?? [])
    .filter((info) => info.family === 'IPv4' && !info.internal)
    .map((info) => info.address);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}
