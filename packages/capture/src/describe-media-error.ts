import { INSECURE_CONTEXT_MESSAGE } from './require-media-devices.ts';

/** What went wrong with the camera, microphone or screen, in words a learner understands. */
export interface MediaErrorDescription {
  /** The error's name as the browser reported it (`NotAllowedError`, …): the word to search for. */
  name: string;
  /** One short line, e.g. "Camera or microphone permission denied". */
  title: string;
  /** What happened. */
  message: string;
  /** What to do about it. */
  fix: string;
}

/**
 * Explains an error thrown by `getUserMedia`, `getDisplayMedia`, `openCamera` or `switchDevice`.
 *
 * Takes `unknown` so it can be handed whatever a `catch` caught; anything it does not recognise
 * still gets a description, with the original message kept.
 *
 * @example
 * try { await openCamera(); } catch (err) { const { title, fix } = describeMediaError(err); }
 */
export function describeMediaError(err: unknown): MediaErrorDescription {
  const name = readString(err, 'name') ?? 'Error';
  const message = readString(err, 'message') ?? String(err);
  const describe = (title: string, text: string, fix: string) => ({
    name,
    title,
    message: text,
    fix,
  });

  switch (name) {
    case 'NotAllowedError':
      // Chrome says "Permission denied by system" when the OS, not the user, said no.
      return /system/i.test(message)
        ? describe(
            'Camera or microphone permission blocked by the system',
            'The browser may use the camera here, but your operating system does not let the browser use it.',
            'Open your system privacy settings (macOS: System Settings → Privacy & Security → Camera and Microphone; Windows: Settings → Privacy & security → Camera and Microphone), allow your browser, then restart it.',
          )
        : describe(
            'Camera or microphone permission denied',
            'The browser was told not to let this page use the camera or microphone: "Block" was clicked, now or on an earlier visit.',
            'Click the camera icon or the padlock in the address bar, allow the camera and microphone for this site, then reload the page.',
          );
    case 'NotFoundError':
      return describe(
        'No camera or microphone found',
        'The browser found no device of the kind this page asked for.',
        'Plug in a camera or microphone and check that your system sees it, or ask only for what you have (for example `audio: false`).',
      );
    case 'NotReadableError':
      return describe(
        'Camera or microphone is busy',
        'Permission was granted, but the device could not be started: usually another app or browser tab is already using it.',
        'Close the other apps and tabs that use the camera (video calls, other demos), then try again. If it still fails, unplug and replug the device.',
      );
    case 'OverconstrainedError':
      return describeOverconstrained(name, readString(err, 'constraint'));
    case 'SecurityError':
      return message === INSECURE_CONTEXT_MESSAGE || globalThis.isSecureContext === false
        ? describeInsecureContext(name)
        : describe(
            'Camera access is blocked for this page',
            'A security rule stopped this page from using the camera or microphone, typically because it runs inside an iframe that was not allowed to.',
            'Open the page in its own tab, or give its iframe `allow="camera; microphone"`.',
          );
    case 'AbortError':
      return describe(
        'The camera or microphone did not start',
        'The device was found and allowed, but something stopped it from starting, such as a driver problem or a timeout.',
        'Try again. If it keeps failing, close other apps using the device, replug it or restart the browser.',
      );
    case 'TypeError':
      // On insecure pages `navigator.mediaDevices` is undefined, so code that calls it directly fails here.
      if (/undefined/.test(message) && /mediaDevices|getUserMedia|getDisplayMedia/.test(message)) {
        return describeInsecureContext(name);
      }
      if (/audio and video|audio or video/i.test(message)) {
        return describe(
          'Neither camera nor microphone was requested',
          'getUserMedia was called with `video` and `audio` both off or missing, so there was nothing to open.',
          'Ask for at least one: `{ video: true }`, `{ audio: true }` or both.',
        );
      }
  }
  return describe(
    'Could not use the camera or microphone',
    message || 'The browser gave no reason.',
    'Check the browser console for details, then reload the page and try again.',
  );
}

function describeOverconstrained(name: string, constraint = ''): MediaErrorDescription {
  if (constraint === 'deviceId') {
    return {
      name,
      title: 'The chosen camera or microphone is not available',
      message:
        'No device has the `deviceId` that was asked for: it was unplugged, or the id is from another browser or site.',
      fix: 'Pick the device again from a fresh `listDevices()` list, or leave `deviceId` out to use the default.',
    };
  }
  const which = constraint ? `the \`${constraint}\` constraint` : 'one of the constraints';
  return {
    name,
    title: `No device can satisfy ${which}`,
    message: `None of the cameras or microphones can meet ${which} as it was asked (with \`exact\`, \`min\` or \`max\`).`,
    fix: `Ask for \`${constraint || 'it'}\` with \`ideal\` so the browser picks the closest match, or choose a smaller preset.`,
  };
}

function describeInsecureContext(name: string): MediaErrorDescription {
  return {
    name,
    title: 'This page is not secure enough for the camera',
    message:
      'Browsers only offer cameras and microphones to secure pages, and this page was loaded over plain http:// from another address.',
    fix: 'Open it on https:// or http://localhost.',
  };
}

/** The error names `getUserMedia` and `getDisplayMedia` throw with. */
const MEDIA_ERROR_NAMES = new Set([
  'NotAllowedError',
  'NotFoundError',
  'NotReadableError',
  'OverconstrainedError',
  'SecurityError',
  'AbortError',
]);

/** Whether `err` came from opening a camera, microphone or screen (and `describeMediaError` knows it). */
export function isMediaError(err: unknown): boolean {
  const name = readString(err, 'name');
  if (name && MEDIA_ERROR_NAMES.has(name)) return true;
  const message = readString(err, 'message') ?? '';
  return (
    name === 'TypeError' &&
    /mediaDevices|getUserMedia|getDisplayMedia|audio (and|or) video/i.test(message)
  );
}

/** `value[key]` if `value` is an object (such as an Error or DOMException) holding a string there. */
function readString(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}
