import { test as base } from '@peerlab/testing';
import type { Page } from '@peerlab/testing';

/** The app under check: your `codelab/work` by default, or a finished step for the self-test. */
export const appPath = process.env.CHECK_APP_PATH ?? '/codelab/work/';

/** Opens the app under check in a fresh browser context. */
export async function openApp(openPeers: (count: number, path: string) => Promise<Page[]>) {
  const [page] = await openPeers(1, appPath);
  return page!;
}

/** A checkpoint: a title, and the hint printed when it fails. */
export function check(title: string, hint: string, body: Parameters<typeof base>[2]): void {
  base(title, { annotation: { type: 'hint', description: hint } }, body);
}

export interface VideoInfo {
  readyState: number;
  videoWidth: number;
  flags: { autoplay: boolean; muted: boolean; playsInline: boolean };
  tracks: { kind: string; readyState: MediaStreamTrackState; deviceId: string | undefined }[];
}

/**
 * What the <video> at `selector` shows: the element itself, or the video inside a `<pl-video>`
 * (the finished steps use the shared element; your page may use a plain video).
 */
export function videoInfo(page: Page, selector: string): Promise<VideoInfo> {
  return page.locator(selector).evaluate((element) => {
    const video =
      element instanceof HTMLVideoElement
        ? element
        : (element.shadowRoot ?? element).querySelector('video');
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    return {
      readyState: video?.readyState ?? 0,
      videoWidth: video?.videoWidth ?? 0,
      flags: {
        autoplay: video?.autoplay ?? false,
        muted: video?.muted ?? false,
        playsInline: video?.playsInline ?? false,
      },
      tracks: (stream?.getTracks() ?? []).map((track) => ({
        kind: track.kind,
        readyState: track.readyState,
        deviceId: track.getSettings().deviceId,
      })),
    };
  });
}
