import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { ROOM_CAPACITY } from '@peerlab/signaling';
import { DEFAULT_SIGNALING_OPTIONS } from '@peerlab/signaling/server';
import { buildApp, findCodelabStep } from './codelab-step.ts';
import { discoverApps, type AppInfo } from './discover-apps.ts';
import { findRepoRoot } from './find-repo-root.ts';
import { DEFAULT_HOST, DEFAULT_PORT, startHub } from './hub.ts';
import { parseServeOptions, UsageError, type ServeEnv } from './serve-options.ts';
import { describeStartup, lanAddresses } from './startup-banner.ts';
import { logStrayErrors } from './stray-errors.ts';
import { loadTlsCredentials } from './tls-certificate.ts';
import { startLocalTurn, type LocalTurn } from './local-turn.ts';
import { readOrMakeSecret } from './secret-file.ts';
import { startTurnCommand, TURN_USAGE } from './turn-command.ts';

/** `peerlab --help`. */
export const USAGE = `Usage: peerlab serve [options]
       peerlab codelab N [options]
       peerlab turn [options]

serve: serve every built PeerLab app, signaling and ICE configuration on one origin.
codelab N: build the finished codelab step N, then serve everything with that step's URL first.
turn: start coturn for hubs on other machines (peerlab turn --help).

Options (environment variable in brackets):
  --port N             TCP port, 0 for any free one (PORT; default ${DEFAULT_PORT})
  --host H             Address to listen on; 0.0.0.0 for every network (HOST; default ${DEFAULT_HOST})
  --public-url URL     The hub's address when browsers reach it by another name, such as a
                       DNS name or a proxy: https://peerlab.example.org (PEERLAB_PUBLIC_URL)
  --origin URL         Another page origin allowed to use signaling; repeat or comma-separate,
                       * for any (PEERLAB_ORIGINS)
  --root DIR           The PeerLab checkout whose apps to serve (PEERLAB_ROOT;
                       default: the one this CLI is in)
  --room-capacity N    Peers per room unless its creator asks otherwise, ${ROOM_CAPACITY.min}-${ROOM_CAPACITY.ceiling}
                       (PEERLAB_ROOM_CAPACITY; default ${ROOM_CAPACITY.default})
  --rate-limit N       Signaling events per second one connection may send
                       (PEERLAB_RATE_LIMIT; default ${DEFAULT_SIGNALING_OPTIONS.rateLimit.points})
  --connections-per-address N
                       Signaling connections one network address may hold, such as a
                       classroom behind one NAT (PEERLAB_CONNECTIONS_PER_ADDRESS;
                       default ${DEFAULT_SIGNALING_OPTIONS.maxConnectionsPerAddress})
  --redis URL          Share rooms with the other hubs on this Redis, redis://host:6379 or
                       a unix socket path: run several hubs behind one address
                       (PEERLAB_REDIS_URL)
  --ice-servers JSON   RTCIceServer list, e.g. '[{"urls":"stun:10.0.0.1:3478"}]'
                       (PEERLAB_ICE_SERVERS; default none)
  --turn-url URLS      coturn URLs, comma-separated, e.g. turn:127.0.0.1:3478?transport=udp
                       (PEERLAB_TURN_URLS)
  --turn-secret S      coturn static-auth-secret; browsers get short-lived credentials,
                       never the secret (PEERLAB_TURN_SECRET, better: flags show in ps)
  --turn-ttl S         TURN credential lifetime in seconds (PEERLAB_TURN_TTL; default 600)
  --turn               Start coturn beside the hub, on its address, and hand its pages
                       credentials for it: calls work where tabs can't reach each other
                       directly (PEERLAB_TURN=1)
  --turn-port N        coturn's port with --turn (PEERLAB_TURN_PORT; default 3478)
  --https              Serve https with a self-signed certificate, so phones and laptops on
                       your network may use their cameras (PEERLAB_HTTPS=1)
  --cert FILE --key FILE
                       Serve https with your own certificate, e.g. from mkcert
                       (PEERLAB_TLS_CERT, PEERLAB_TLS_KEY)
  -h, --help           Show this help

PEERLAB_HUB_SECRET signs the peers' resume tokens (default: kept in .peerlab/hub-secret), so a
restarted hub takes back the peers of its rooms and their calls go on.
`;

/**
 * Runs the `peerlab` command line and resolves to its exit code: 0 when done (for `serve`,
 * after SIGINT or SIGTERM closed the hub), 1 when the hub cannot start, 2 for bad usage.
 */
export async function runCli(argv: readonly string[], env: ServeEnv): Promise<number> {
  const [command, ...args] = argv;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.info(USAGE);
    return 0;
  }
  if (command === 'turn') return runTurn(args, env);
  if (command !== 'serve' && command !== 'codelab') {
    const problem = command === undefined ? 'missing a command' : `unknown command "${command}"`;
    console.error(`peerlab: ${problem}; run peerlab --help.`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    console.info(USAGE);
    return 0;
  }

  let hub;
  let turn: LocalTurn | undefined;
  let stopLogging = () => {};
  // Listening before anything is printed: a Ctrl+C right after the URLs appear closes cleanly.
  const stop = listenForStop();
  try {
    const codelab = command === 'codelab';
    const { tlsSource, localTurn, ...options } = parseServeOptions(
      codelab ? args.slice(1) : args,
      env,
    );
    let step: AppInfo | undefined;
    if (codelab) {
      options.rootDir ??= findRepoRoot();
      step = findCodelabStep(await discoverApps(options.rootDir, () => {}), args[0]);
      buildApp(options.rootDir, step);
    }
    if (tlsSource) {
      const hosts = [options.host ?? DEFAULT_HOST, ...lanAddresses(networkInterfaces())];
      if (options.publicUrl)
        hosts.push(new URL(options.publicUrl).hostname.replace(/^\[|\]$/g, ''));
      options.tls = await loadTlsCredentials(tlsSource, hosts);
    }
    if (localTurn) {
      turn = await startLocalTurn(options.host ?? DEFAULT_HOST, localTurn.port);
      options.ice = { ...options.ice, turn: turn.turn };
    }
    // Kept across restarts, so a restarted hub takes back the peers of its rooms (their calls
    // go on with the same peer ids).
    const resumeSecret =
      env.PEERLAB_HUB_SECRET ||
      (await readOrMakeSecret(join(options.rootDir ?? findRepoRoot(), '.peerlab', 'hub-secret')));
    options.signaling = { ...options.signaling, resumeSecret };
    stopLogging = logStrayErrors((line) => console.error(line));
    hub = await startHub(options);
    if (step)
      console.info(`Step ${step.order}: ${step.title}\n  ${new URL(step.path, hub.url).href}\n`);
    console.info(describeStartup(hub, options.host ?? DEFAULT_HOST, networkInterfaces()));
    if (turn) console.info(`\nTURN: coturn on ${turn.turn.urls.join(', ')}`);
  } catch (error) {
    stop.cancel();
    await turn?.close();
    stopLogging();
    console.error(`peerlab ${command}: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }

  const signal = await stop.signal;
  console.info(`\n${signal}: closing the hub…`);
  await hub.close();
  await turn?.close();
  stopLogging();
  return 0;
}

/** `peerlab turn`: coturn until SIGINT or SIGTERM. */
async function runTurn(args: readonly string[], env: ServeEnv): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.info(TURN_USAGE);
    return 0;
  }
  let started;
  const stop = listenForStop();
  try {
    started = await startTurnCommand(args, env);
  } catch (error) {
    stop.cancel();
    console.error(`peerlab turn: ${(error as Error).message}`);
    return error instanceof UsageError ? 2 : 1;
  }
  console.info(started.wiring);
  const signal = await stop.signal;
  console.info(`\n${signal}: stopping coturn…`);
  await started.coturn.close();
  return 0;
}

/** The first SIGINT or SIGTERM from now on; `cancel` stops listening. */
function listenForStop(): { signal: Promise<NodeJS.Signals>; cancel: () => void } {
  let cancel = () => {};
  const signal = new Promise<NodeJS.Signals>((resolve) => {
    // Both listeners go after the first signal, so a second Ctrl+C stops Node at once.
    const stop = (received: NodeJS.Signals) => {
      cancel();
      resolve(received);
    };
    cancel = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { signal, cancel };
}
