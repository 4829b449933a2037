/** A video frame size in pixels. */
export interface VideoSize {
  width: number;
  height: number;
}

/** Camera sizes by name, from small and cheap (`qvga`) to sharp and heavy (`full-hd`). */
export const VIDEO_PRESETS = {
  qvga: { width: 320, height: 240 },
  vga: { width: 640, height: 480 },
  hd: { width: 1280, height: 720 },
  'full-hd': { width: 1920, height: 1080 },
} as const satisfies Record<string, VideoSize>;

/** The name of one of the {@link VIDEO_PRESETS}. */
export type VideoPresetName = keyof typeof VIDEO_PRESETS;

/** Which camera to use, for phones and tablets: `user` faces you, `environment` faces away. */
export type FacingMode = 'user' | 'environment';

/** What to change about a preset before asking for the camera and microphone. */
export interface ConstraintOptions {
  /** Ask for the video (default `true`). */
  video?: boolean;
  /** Ask for the microphone too: on with `true`, off with `false` (default: on only if `audioDeviceId` is set). */
  audio?: boolean;
  /** Use exactly this camera, a `deviceId` from `listDevices()`. */
  videoDeviceId?: string;
  /** Use exactly this microphone, a `deviceId` from `listDevices()`. */
  audioDeviceId?: string;
  /** Prefer the front (`user`) or back (`environment`) camera where there is a choice. */
  facingMode?: FacingMode;
}

/**
 * Builds the `getUserMedia` constraints for a preset.
 *
 * Sizes are `ideal` so every camera can answer (it picks the closest size it has), while device ids
 * are `exact` because a learner who picked a camera wants that camera or a clear error.
 *
 * @example buildConstraints('hd', { audio: true }) // → { video: { width: { ideal: 1280 }, … }, audio: true }
 */
export function buildConstraints(
  preset: VideoPresetName = 'vga',
  options: ConstraintOptions = {},
): MediaStreamConstraints {
  const { video = true, videoDeviceId, audioDeviceId, facingMode } = options;
  // Picking a microphone means you want one, unless `audio: false` says otherwise.
  const audio = options.audio ?? audioDeviceId !== undefined;
  const { width, height } = VIDEO_PRESETS[preset];

  return {
    video: video && {
      width: { ideal: width },
      height: { ideal: height },
      ...(videoDeviceId && { deviceId: { exact: videoDeviceId } }),
      ...(facingMode && { facingMode: { ideal: facingMode } }),
    },
    audio: audio && (audioDeviceId ? { deviceId: { exact: audioDeviceId } } : true),
  };
}
