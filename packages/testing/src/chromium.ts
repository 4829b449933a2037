import { existsSync } from 'node:fs';

/** Where Debian and Ubuntu install Chromium (`apt-get install chromium`). */
const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium binary the tests drive: `CHROMIUM_PATH` if set, else Debian's Chromium if installed,
 * else `undefined` so Playwright uses the browser that `npx playwright install chromium` downloaded.
 */
export function chromiumExecutablePath(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
    return fromEnv;
  }
  return existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined;
}

export interface MediaFlagOptions {
  /** Grant camera/mic without a prompt (default true). False makes getUserMedia fail as if denied. */
  grantMedia?: boolean;
  /** Play this .y4m or .mjpeg file as the camera instead of Chromium's test pattern. */
  fakeVideoFile?: string;
}

/** The Chromium flags that make WebRTC work headless on a loopback-only machine. */
export function chromiumMediaFlags(options: MediaFlagOptions = {}): string[] {
  const { grantMedia = true, fakeVideoFile } = options;
  const flags = [
    '--use-fake-device-for-media-stream',
    // Without it a loopback-only network gathers no ICE candidates at all.
    '--allow-loopback-in-peer-connection',
    // Real IPs instead of mDNS `.local` names, which nothing resolves here.
    '--disable-features=WebRtcHideLocalIpsWithMdns',
    '--autoplay-policy=no-user-gesture-required',
  ];
  // Headless getUserMedia needs the fake UI to accept; without it we deny every prompt instead.
  flags.push(grantMedia ? '--use-fake-ui-for-media-stream' : '--deny-permission-prompts');
  if (fakeVideoFile) flags.push(`--use-file-for-fake-video-capture=${fakeVideoFile}`);
  return flags;
}

/** Launch options for Playwright's `chromium.launch()` (and Vitest's playwright provider). */
export function chromiumLaunchOptions(options: MediaFlagOptions = {}): {
  executablePath: string | undefined;
  args: string[];
} {
  return { executablePath: chromiumExecutablePath(), args: chromiumMediaFlags(options) };
}
