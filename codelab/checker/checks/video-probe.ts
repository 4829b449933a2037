import type { Page } from '@peerlab/testing';

/** What a `<video>` shows: the element at the selector, or the video inside a `<pl-video>`. */
export interface VideoInfo {
  /** Whether there is a video element there at all. */
  found: boolean;
  readyState: number;
  videoWidth: number;
  flags: { autoplay: boolean; muted: boolean; playsinline: boolean };
  tracks: {
    id: string;
    kind: string;
    readyState: MediaStreamTrackState;
    deviceId: string | undefined;
  }[];
}

/** Reads the video at `selector` (the finished steps use `<pl-video>`; yours may be a plain one). */
export function videoInfo(page: Page, selector: string): Promise<VideoInfo> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector);
    const video =
      element instanceof HTMLVideoElement
        ? element
        : (element?.shadowRoot ?? element)?.querySelector('video');
    const stream = video?.srcObject instanceof MediaStream ? video.srcObject : null;
    return {
      found: Boolean(video),
      readyState: video?.readyState ?? 0,
      videoWidth: video?.videoWidth ?? 0,
      flags: {
        autoplay: video?.autoplay ?? false,
        muted: video?.muted ?? false,
        playsinline: video?.playsInline ?? false,
      },
      tracks: (stream?.getTracks() ?? []).map((track) => ({
        id: track.id,
        kind: track.kind,
        readyState: track.readyState,
        deviceId: track.getSettings().deviceId,
      })),
    };
  }, selector);
}

/** Whether the video is playing frames: enough data, and a size. */
export const playing = (video: VideoInfo) => video.readyState === 4 && video.videoWidth > 0;

/** `readyState 0, width 0, no stream`: what a video shows, for a failure message. */
export function describeVideo(video: VideoInfo): string {
  if (!video.found) return 'no <video> there';
  const tracks = video.tracks.length
    ? `a stream of ${video.tracks.map((t) => `${t.kind} (${t.readyState})`).join(' and ')}`
    : 'no stream in srcObject';
  return `readyState ${video.readyState}, videoWidth ${video.videoWidth}, ${tracks}`;
}

/**
 * The tracks the video at `selector` plays now, kept by the page for later: they can be asked
 * whether they ended once the page has let go of them.
 */
export async function heldTracks(page: Page, selector: string) {
  return page.evaluateHandle((selector) => {
    const element = document.querySelector(selector);
    const video =
      element instanceof HTMLVideoElement
        ? element
        : (element?.shadowRoot ?? element)?.querySelector('video');
    return video?.srcObject instanceof MediaStream ? video.srcObject.getTracks() : [];
  }, selector);
}

/** `video live, audio ended`: the state of tracks held with `heldTracks`. */
export function trackStates(tracks: Awaited<ReturnType<typeof heldTracks>>): Promise<string[]> {
  return tracks.evaluate((list) => list.map((track) => `${track.kind} ${track.readyState}`));
}

/** `it has autoplay only`: the flags a video has, for a failure message. */
export async function flagsOf(tab: { page: Page }, selector: string): Promise<string> {
  const { flags } = await videoInfo(tab.page, selector);
  const set = Object.entries(flags)
    .filter(([, on]) => on)
    .map(([flag]) => flag);
  return set.length ? `it has ${set.join(', ')} only` : 'it has none of them';
}
