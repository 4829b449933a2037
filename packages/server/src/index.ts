export { startHub, DEFAULT_HOST, DEFAULT_PORT, type Hub, type HubOptions } from './hub.ts';
export { discoverApps, appManifestSchema, type AppInfo, type AppKind } from './discover-apps.ts';
export { findRepoRoot } from './find-repo-root.ts';
export { findDocsSite, DOCS_PATH, type DocsSite } from './docs-site.ts';
export {
  iceServersFor,
  parseIceServersJson,
  validateIceOptions,
  IceConfigError,
  DEFAULT_TURN_TTL_SECONDS,
  type IceConfig,
  type IceOptions,
  type TurnOptions,
} from './ice-config.ts';
export { turnCredentials, type TurnCredentials } from './turn-credentials.ts';
export { renderLandingPage, type LandingPageInfo } from './landing-page.ts';
export { parseServeOptions, UsageError, type ServeEnv } from './serve-options.ts';
export { runCli, USAGE } from './cli.ts';
export {
  coturnConfig,
  DEFAULT_QUOTAS,
  DENIED_PEER_RANGES,
  type CoturnSettings,
} from './coturn-config.ts';
export { startCoturnProcess, turnserverPath, type CoturnProcess } from './coturn-process.ts';
export { stunBinding } from './stun-binding.ts';
