import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { codelabSidebar, pageTitle, titleFromFileName } from './codelab-sidebar.ts';

let dir: string | undefined;
afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

function codelab(pages: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'peerlab-codelab-'));
  for (const [name, text] of Object.entries(pages)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('codelabSidebar', () => {
  test('lists the step pages present, by step number, titled by their first heading', () => {
    const folder = codelab({
      'index.md': '# How the codelab works\n',
      'step-10-files.md': '# Send a file\n',
      'step-02-call.md': '---\ntitle: x\n---\n\n# A first call {#call}\n\n## Details\n',
      'step-01-camera.md': 'Intro text\n\n# Open the camera\n',
      'notes.md': '# Not a step\n',
      'step-3-draft.txt': '# Not Markdown\n',
    });
    expect(codelabSidebar(folder)).toEqual([
      { text: 'Open the camera', link: '/codelab/step-01-camera' },
      { text: 'A first call', link: '/codelab/step-02-call' },
      { text: 'Send a file', link: '/codelab/step-10-files' },
    ]);
  });

  test('a page without a heading yet is named from its file', () => {
    const folder = codelab({ 'step-04-data-channel.md': 'Work in progress.\n' });
    expect(codelabSidebar(folder)).toEqual([
      { text: 'Step 4: data channel', link: '/codelab/step-04-data-channel' },
    ]);
  });

  test('no folder or no steps: an empty list, never a dead link', () => {
    expect(codelabSidebar(join(tmpdir(), 'peerlab-no-such-folder'))).toEqual([]);
    expect(codelabSidebar(codelab({ 'index.md': '# Codelab\n' }))).toEqual([]);
  });

  test('a folder named like a page is not a page', () => {
    const folder = codelab({});
    mkdirSync(join(folder, 'step-05-x.md'));
    expect(codelabSidebar(folder)).toEqual([]);
  });
});

describe('pageTitle', () => {
  test('skips headings inside fenced code and front matter', () => {
    const page = ['---', '# not: a title', '---', '```sh', '# a comment', '```', '# Real title'];
    expect(pageTitle(page.join('\n'))).toBe('Real title');
  });

  test('ignores ## headings and closing #s', () => {
    expect(pageTitle('## Sub\n# Main ##\n')).toBe('Main');
    expect(pageTitle('## Only sub\n')).toBeUndefined();
  });
});

describe('titleFromFileName', () => {
  test('turns the step number and words into a title', () => {
    expect(titleFromFileName('step-07-perfect-negotiation.md')).toBe('Step 7: perfect negotiation');
  });
});
