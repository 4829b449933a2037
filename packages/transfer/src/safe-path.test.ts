import { describe, expect, test } from 'vitest';
import {
  distinctPaths,
  MAX_DEPTH,
  MAX_PATH_CHARS,
  MAX_SEGMENT_CHARS,
  safeRelativePath,
} from './safe-path.ts';

describe('safeRelativePath', () => {
  test('keeps an ordinary relative path as it is', () => {
    expect(safeRelativePath('photos/2024/Été à Nice.jpg')).toBe('photos/2024/Été à Nice.jpg');
  });

  test.each([
    ['../../.bashrc', '.bashrc'],
    ['a/./b/../c.txt', 'a/b/c.txt'],
    ['/etc/passwd', 'etc/passwd'],
    ['C:\\Users\\me\\notes.txt', 'Users/me/notes.txt'],
    ['\\\\server\\share\\x.txt', 'server/share/x.txt'],
    ['a\\b', 'a/b'],
    ['what?.txt', 'what_.txt'],
    ['<script>.html', '_script_.html'],
    ['nul', '_nul'],
    ['COM1.log', '_COM1.log'],
    ['lpt9', '_lpt9'],
    ['console.txt', 'console.txt'],
    ['evil.exe. . ', 'evil.exe'],
    ['bell\u0007\u0000.txt', 'bell.txt'],
    ['photo\u202Egpj.exe', 'photogpj.exe'],
    ['', 'unnamed'],
    ['../..', 'unnamed'],
    ['....', 'unnamed'],
    ['e\u0301', '\u00e9'],
  ])('%j becomes %j', (raw, safe) => {
    expect(safeRelativePath(raw)).toBe(safe);
  });

  test('limits the length of a name, keeping its extension', () => {
    const safe = safeRelativePath(`${'x'.repeat(500)}.pdf`);
    expect(safe).toHaveLength(MAX_SEGMENT_CHARS);
    expect(safe.endsWith('.pdf')).toBe(true);
  });

  test('limits the depth and the whole length, keeping the file name', () => {
    const deep = safeRelativePath(`${'d/'.repeat(100)}file.txt`);
    expect(deep.split('/')).toHaveLength(MAX_DEPTH);
    expect(deep.endsWith('/file.txt')).toBe(true);
    const long = safeRelativePath(`${`${'f'.repeat(100)}/`.repeat(30)}end.txt`);
    expect(long.length).toBeLessThanOrEqual(MAX_PATH_CHARS);
    expect(long.endsWith('/end.txt')).toBe(true);
  });
});

describe('distinctPaths', () => {
  test('numbers the repeats, ignoring case, before the extension', () => {
    expect(distinctPaths(['a.txt', 'A.txt', 'a.txt', 'dir/b', 'dir/b', '.env', '.env'])).toEqual([
      'a.txt',
      'A (2).txt',
      'a (3).txt',
      'dir/b',
      'dir/b (2)',
      '.env',
      '.env (2)',
    ]);
  });
});
