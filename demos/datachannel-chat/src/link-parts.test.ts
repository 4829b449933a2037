import { describe, expect, test } from 'vitest';
import { linkParts } from './link-parts.ts';

describe('linkParts', () => {
  test('http and https become links; trailing punctuation stays text', () => {
    expect(linkParts('see https://example.org/a?b=1, and http://x.test.')).toEqual([
      { text: 'see ' },
      { text: 'https://example.org/a?b=1', href: 'https://example.org/a?b=1' },
      { text: ', and ' },
      { text: 'http://x.test', href: 'http://x.test/' },
      { text: '.' },
    ]);
  });

  test('nothing else becomes a link', () => {
    for (const text of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'ftp://example.org/',
      'mailto:a@b.c',
      'vbscript:msgbox',
      'JaVaScRiPt:alert(1)',
      'https//missing-colon.org',
    ]) {
      expect(linkParts(text), text).toEqual([{ text }]);
    }
  });

  test('a link stops at a quote or an angle bracket, so it cannot break out', () => {
    expect(linkParts('https://a.test/"><img src=x>')).toEqual([
      { text: 'https://a.test/', href: 'https://a.test/' },
      { text: '"><img src=x>' },
    ]);
  });

  test('text without links is one part; empty text is none', () => {
    expect(linkParts('just words')).toEqual([{ text: 'just words' }]);
    expect(linkParts('')).toEqual([]);
  });
});
