import {
  buildConstraints,
  VIDEO_PRESETS,
  type ConstraintOptions,
  type VideoPresetName,
} from './constraint-presets.ts';
import { requireMediaDevices } from './require-media-devices.ts';

/** What `openCamera` should open: a size preset plus the {@link ConstraintOptions}. */
export interface OpenCameraOptions extends ConstraintOptions {
  /** The camera size to ask for (default `vga`, 640×480). */
  preset?: VideoPresetName;
}

/**
 * Opens the camera (and the microphone if `audio` is on) and returns the live stream.
 *
 * Rejects with the browser's error (`NotAllowedError`, `NotFoundError`, …), or a `SecurityError`
 * on insecure pages; pass it to `describeMediaError` to tell the learner what to do.
 *
 * @example const stream = await openCamera({ preset: 'hd', audio: true });
 */
export async function openCamera(options: OpenCameraOptions = {}): Promise<MediaStream> {
  const mediaDevices = requireMediaDevices();
  return mediaDevices.getUserMedia(buildConstraints(options.preset, options));
}

/** What `openScreen` should share. */
export interface OpenScreenOptions {
  /** Also capture the tab's or system's sound where the browser offers it (default `false`). */
  audio?: boolean;
  /** The largest size to send; the browser scales the screen down to fit. Default: full size. */
  preset?: VideoPresetName;
}

/**
 * Asks the user to pick a screen, window or tab to share, and returns its stream.
 *
 * Browsers only allow this in reaction to a click or key press, so call it from an event handler.
 */
export async function openScreen(options: OpenScreenOptions = {}): Promise<MediaStream> {
  const mediaDevices = requireMediaDevices();
  const size = options.preset && VIDEO_PRESETS[options.preset];
  return mediaDevices.getDisplayMedia({
    // Screen capture allows no `exact` or `min` sizes: `max` keeps the shape while capping the cost.
    video: size ? { width: { max: size.width }, height: { max: size.height } } : true,
    audio: options.audio ?? false,
  });
}
