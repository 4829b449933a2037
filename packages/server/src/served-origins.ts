import type { NetworkInterfaceInfo } from 'node:os';
import { httpUrl } from './http-url.ts';
import { lanAddresses } from './startup-banner.ts';

/**
 * Every origin a browser may reach this hub at: its loopback names, the `--host` it listens
 * on, the network addresses it prints when it listens everywhere, and `--public-url`.
 * Signaling and the JSON endpoints refuse requests naming any other host, so a page of another
 * site whose name was pointed at this machine (DNS rebinding) cannot use them.
 */
export function servedOrigins(
  hub: { host: string; port: number; secure: boolean; publicUrl?: string | undefined },
  interfaces: NodeJS.Dict<NetworkInterfaceInfo[]>,
): string[] {
  const wildcard = hub.host === '0.0.0.0' || hub.host === '::' || hub.host === '';
  const names = [
    'localhost',
    '127.0.0.1',
    '::1',
    ...(wildcard ? lanAddresses(interfaces) : [hub.host]),
  ];
  const origins = names.map((name) => new URL(httpUrl(name, hub.port, hub.secure)).origin);
  if (hub.publicUrl) origins.push(new URL(hub.publicUrl).origin);
  return [...new Set(origins)];
}
