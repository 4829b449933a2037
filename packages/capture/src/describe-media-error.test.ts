import { describe, expect, it } from 'vitest';
import { describeMediaError, isMediaError } from './describe-media-error.ts';
import { INSECURE_CONTEXT_MESSAGE } from './require-media-devices.ts';

// The browser's errors are the input here, so the tests build them the way the browser does.
const error = (name: string, message = '') => new DOMException(message, name);

describe('describeMediaError', () => {
  it('explains a permission the user denied', () => {
    const description = describeMediaError(error('NotAllowedError', 'Permission denied'));
    expect(description).toMatchObject({
      name: 'NotAllowedError',
      title: 'Camera or microphone permission denied',
    });
    expect(description.fix).toMatch(/address bar/);
  });

  it('tells a denial by the operating system apart from the user’s', () => {
    const description = describeMediaError(error('NotAllowedError', 'Permission denied by system'));
    expect(description.title).toBe('Camera or microphone permission blocked by the system');
    expect(description.fix).toMatch(/System Settings/);
  });

  it('explains a missing device', () => {
    const description = describeMediaError(error('NotFoundError', 'Requested device not found'));
    expect(description.title).toBe('No camera or microphone found');
    expect(description.fix).toMatch(/Plug in/);
  });

  it('explains a device busy in another app or tab', () => {
    const description = describeMediaError(
      error('NotReadableError', 'Could not start video source'),
    );
    expect(description.title).toBe('Camera or microphone is busy');
    expect(description.message).toMatch(/another app or browser tab/);
  });

  it('names the constraint nothing could satisfy', () => {
    const description = describeMediaError(new OverconstrainedError('width'));
    expect(description).toMatchObject({
      name: 'OverconstrainedError',
      title: 'No device can satisfy the `width` constraint',
    });
    expect(description.fix).toMatch(/ideal/);
  });

  it('explains a deviceId that no device has', () => {
    const description = describeMediaError(new OverconstrainedError('deviceId'));
    expect(description.title).toBe('The chosen camera or microphone is not available');
    expect(description.fix).toMatch(/listDevices\(\)/);
  });

  it('explains an insecure page', () => {
    const description = describeMediaError(error('SecurityError', INSECURE_CONTEXT_MESSAGE));
    expect(description.title).toBe('This page is not secure enough for the camera');
    expect(description.fix).toBe('Open it on https:// or http://localhost.');
  });

  it('recognises an insecure page from calling the missing navigator.mediaDevices', () => {
    const description = describeMediaError(
      new TypeError("Cannot read properties of undefined (reading 'getUserMedia')"),
    );
    expect(description).toMatchObject({
      name: 'TypeError',
      fix: 'Open it on https:// or http://localhost.',
    });
  });

  it('explains other security errors', () => {
    const description = describeMediaError(error('SecurityError', 'Access denied by policy'));
    expect(description.title).toBe('Camera access is blocked for this page');
    expect(description.fix).toMatch(/allow="camera; microphone"/);
  });

  it('explains an aborted start', () => {
    const description = describeMediaError(error('AbortError', 'Timeout starting video source'));
    expect(description.title).toBe('The camera or microphone did not start');
  });

  it('explains a request for neither audio nor video', () => {
    const description = describeMediaError(
      new TypeError(
        "Failed to execute 'getUserMedia' on 'MediaDevices': At least one of audio and video must be requested",
      ),
    );
    expect(description.title).toBe('Neither camera nor microphone was requested');
    expect(description.fix).toMatch(/video: true/);
  });

  it('keeps the message of anything else', () => {
    expect(describeMediaError(new TypeError('track.foo is not a function'))).toMatchObject({
      name: 'TypeError',
      title: 'Could not use the camera or microphone',
      message: 'track.foo is not a function',
    });
    expect(describeMediaError('weird')).toMatchObject({ name: 'Error', message: 'weird' });
    expect(describeMediaError(null).message).toBe('null');
  });

  it('gives every description a title, message and fix', () => {
    const names = [
      'NotAllowedError',
      'NotFoundError',
      'NotReadableError',
      'OverconstrainedError',
      'SecurityError',
      'AbortError',
      'TypeError',
      'SomethingNewError',
    ];
    for (const name of names) {
      const { title, message, fix } = describeMediaError(error(name, 'x'));
      expect(
        [title, message, fix].every((text) => text.length > 0),
        name,
      ).toBe(true);
    }
  });
});

describe('isMediaError', () => {
  it('knows what getUserMedia throws, and nothing else', () => {
    expect(isMediaError(error('NotAllowedError', 'Permission denied'))).toBe(true);
    expect(isMediaError(error('OverconstrainedError', ''))).toBe(true);
    expect(
      isMediaError(new TypeError("Cannot read properties of undefined (reading 'getUserMedia')")),
    ).toBe(true);
    expect(isMediaError(new TypeError('x is not a function'))).toBe(false);
    expect(isMediaError(new Error('The signaling server did not answer'))).toBe(false);
    expect(isMediaError('NotAllowedError')).toBe(false);
  });
});
