import { networkInterfaces } from 'node:os';
import { parseArgs } from 'node:util';
import { DEFAULT_QUOTAS, type CoturnSettings } from './coturn-config.ts';
import { startCoturnProcess, type CoturnProcess } from './coturn-process.ts';
import { readOrMakeSecret } from './secret-file.ts';
import { UsageError, type ServeEnv } from './serve-options.ts';
import { lanAddresses } from './startup-banner.ts';

export const TURN_USAGE = `Usage: peerlab turn [options]

Starts coturn for PeerLab hubs: TURN REST credentials from a shared secret (the hub hands
browsers short-lived ones), public peers only, quotas and a bandwidth cap per relay.

Options (environment variable in brackets):
  --port N             UDP and TCP port (PEERLAB_TURN_PORT; default 3478)
  --listen IP          Address to listen on (PEERLAB_TURN_LISTEN; default 0.0.0.0)
  --external-ip IP     The public address, behind NAT such as a cloud VM (PEERLAB_TURN_EXTERNAL_IP)
  --relay-ports A-B    UDP ports for relays; open them in the firewall
                       (PEERLAB_TURN_RELAY_PORTS; default 49152-65535)
  --peers public|lan   public: relay to public addresses only (default). lan: also to
                       private networks and this machine, for a classroom (PEERLAB_TURN_PEERS)
  --secret-file FILE   Where the shared secret is kept; made with a random one if missing
                       (PEERLAB_TURN_SECRET_FILE; default .peerlab/turn-secret).
                       PEERLAB_TURN_SECRET, if set, is used instead.
  --cert FILE --key FILE
                       Also serve turns: (TLS) on port 5349 with this certificate
  -h, --help           Show this help
`;

/** coturn's settings and where the secret came from, from `peerlab turn`'s arguments. */
export async function parseTurnOptions(args: readonly string[], env: ServeEnv) {
  let flags;
  try {
    flags = parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: false,
      options: Object.fromEntries(
        ['port', 'listen', 'external-ip', 'relay-ports', 'peers', 'secret-file', 'cert', 'key'].map(
          (name) => [name, { type: 'string' as const }],
        ),
      ),
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new UsageError(`${(error as Error).message.split('\n')[0]} Run peerlab turn --help.`);
  }
  const pick = (flag: string, envName: string) => flags[flag] ?? (env[envName] || undefined);
  const port = Number(pick('port', 'PEERLAB_TURN_PORT') ?? 3478);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new UsageError('--port must be a port number from 1 to 65535.');
  }
  const ports = (pick('relay-ports', 'PEERLAB_TURN_RELAY_PORTS') ?? '49152-65535').split('-');
  const [min, max] = ports.map(Number) as [number, number];
  if (ports.length !== 2 || !(min >= 1024 && min <= max && max <= 65_535)) {
    throw new UsageError('--relay-ports must be a range such as 49152-65535, from 1024 up.');
  }
  const peers = pick('peers', 'PEERLAB_TURN_PEERS') ?? 'public';
  if (peers !== 'public' && peers !== 'lan') {
    throw new UsageError('--peers must be public or lan.');
  }
  const { cert, key } = flags;
  if (Boolean(cert) !== Boolean(key))
    throw new UsageError('Give both --cert and --key, or neither.');
  const listen = pick('listen', 'PEERLAB_TURN_LISTEN') ?? '0.0.0.0';
  const externalIp = pick('external-ip', 'PEERLAB_TURN_EXTERNAL_IP');
  const secretFile = pick('secret-file', 'PEERLAB_TURN_SECRET_FILE') ?? '.peerlab/turn-secret';
  const settings: Omit<CoturnSettings, 'dir' | 'secret'> = {
    listeningIps: [listen],
    ...(externalIp && { externalIp }),
    port,
    relayPorts: { min, max },
    tcp: true,
    realm: 'peerlab',
    peers,
    ...(cert && key && { tls: { certFile: cert, keyFile: key, port: 5349 } }),
    quotas: DEFAULT_QUOTAS,
  };
  return { settings, secretFile, secretFromEnv: env.PEERLAB_TURN_SECRET || undefined };
}

/** `peerlab turn`: starts coturn and prints how to give it to the hub. */
export async function startTurnCommand(
  args: readonly string[],
  env: ServeEnv,
): Promise<{ coturn: CoturnProcess; wiring: string }> {
  const { settings, secretFile, secretFromEnv } = await parseTurnOptions(args, env);
  const secret = secretFromEnv ?? (await readOrMakeSecret(secretFile));
  const coturn = await startCoturnProcess({ ...settings, secret });
  const [listen] = settings.listeningIps as [string];
  const host =
    settings.externalIp ??
    (listen === '0.0.0.0' ? (lanAddresses(networkInterfaces())[0] ?? '127.0.0.1') : listen);
  const urls = [
    `turn:${host}:${settings.port}?transport=udp`,
    `turn:${host}:${settings.port}?transport=tcp`,
    ...(settings.tls ? [`turns:${host}:${settings.tls.port}?transport=tcp`] : []),
  ];
  const secretHint = secretFromEnv ? '"$PEERLAB_TURN_SECRET"' : `"$(cat ${secretFile})"`;
  const wiring = [
    `coturn is relaying on ${urls.join(', ')}; relay ports ${settings.relayPorts.min}-${settings.relayPorts.max}.`,
    settings.peers === 'public'
      ? 'Peers: public addresses only (--peers lan also allows private networks and this machine).'
      : 'Peers: this machine and private networks too (--peers lan): never on a public server.',
    '',
    'Start the hub with it (the secret stays out of the command line):',
    `  PEERLAB_TURN_URLS="${urls.join(',')}" \\`,
    `  PEERLAB_TURN_SECRET=${secretHint} npm start`,
    '',
    'Ctrl+C stops coturn.',
  ].join('\n');
  return { coturn, wiring };
}
