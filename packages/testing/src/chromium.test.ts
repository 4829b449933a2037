import { afterEach, describe, expect, test } from 'vitest';
import { chromiumExecutablePath, chromiumMediaFlags } from './chromium.ts';

const saved = process.env.CHROMIUM_PATH;
afterEach(() => {
  if (saved === undefined) delete process.env.CHROMIUM_PATH;
  else process.env.CHROMIUM_PATH = saved;
});

describe('chromiumExecutablePath', () => {
  test('CHROMIUM_PATH wins when it exists', () => {
    process.env.CHROMIUM_PATH = process.execPath; // any file that exists
    expect(chromiumExecutablePath()).toBe(process.execPath);
  });

  test('a CHROMIUM_PATH that does not exist is a clear error, not a silent fallback', () => {
    process.env.CHROMIUM_PATH = '/nowhere/chromium';
    expect(() => chromiumExecutablePath()).toThrow(
      'CHROMIUM_PATH=/nowhere/chromium does not exist',
    );
  });
});

describe('chromiumMediaFlags', () => {
  test('fake devices, loopback candidates and real IPs, always', () => {
    const flags = chromiumMediaFlags();
    expect(flags).toContain('--use-fake-device-for-media-stream');
    expect(flags).toContain('--allow-loopback-in-peer-connection');
    expect(flags).toContain('--disable-features=WebRtcHideLocalIpsWithMdns');
  });

  test('media is granted by default and denied on request', () => {
    expect(chromiumMediaFlags()).toContain('--use-fake-ui-for-media-stream');
    const denied = chromiumMediaFlags({ grantMedia: false });
    expect(denied).toContain('--deny-permission-prompts');
    expect(denied).not.toContain('--use-fake-ui-for-media-stream');
  });

  test('a video file can stand in for the camera', () => {
    expect(chromiumMediaFlags({ fakeVideoFile: '/tmp/clip.y4m' })).toContain(
      '--use-file-for-fake-video-capture=/tmp/clip.y4m',
    );
  });
});
