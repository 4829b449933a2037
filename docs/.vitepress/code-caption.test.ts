import { describe, expect, test } from 'vitest';
import { captionOf, fileLabel, parseCaptionTitle, renderCaption } from './code-caption.ts';

const repoRoot = '/repo';
const onStep6 = (path: string) => ({ path, page: 'codelab/step-06-video-call.md', repoRoot });

describe('captionOf', () => {
  test('names an imported file from its path, and says what to do with it', () => {
    expect(captionOf('ts[add]', onStep6('/repo/codelab/step-06-video-call/src/main.ts'))).toEqual({
      label: 'src/main.ts',
      kind: 'add',
    });
    expect(
      captionOf(
        'html[change: inside <main>]',
        onStep6('/repo/codelab/step-06-video-call/index.html'),
      ),
    ).toEqual({ label: 'index.html', note: 'inside <main>', kind: 'change' });
  });

  test('names code from outside the page’s step by its place in the repository', () => {
    expect(captionOf('ts[read only]', onStep6('/repo/packages/signaling/src/protocol.ts'))).toEqual(
      { label: 'packages/signaling/src/protocol.ts', kind: 'read only' },
    );
  });

  test('captions a shell block as a command to run, and other blocks by their note', () => {
    expect(captionOf('sh', undefined)).toEqual({ label: 'Terminal', kind: 'run' });
    expect(captionOf('json [read only: what GET /api/ice answers]', undefined)).toEqual({
      label: 'what GET /api/ice answers',
      kind: 'read only',
    });
  });

  test('gives none, with the reason, when the title is missing or not a kind', () => {
    // VitePress titles an import without one by its file name: that is not a caption.
    expect(
      captionOf('ts[main.ts]', onStep6('/repo/codelab/step-06-video-call/src/main.ts')),
    ).toMatch(/"main.ts" is not a caption kind/);
    expect(captionOf('ts', undefined)).toBe('no [kind] after the code block');
    expect(captionOf('json [read only]', undefined)).toMatch(/needs \[read only: what it is\]/);
  });
});

describe('parseCaptionTitle and fileLabel', () => {
  test('read "kind: note", and name files relative to the page’s own step', () => {
    expect(parseCaptionTitle('new file')).toEqual({ kind: 'new file' });
    expect(parseCaptionTitle('change: in <head>: the link')).toEqual({
      kind: 'change',
      note: 'in <head>: the link',
    });
    expect(
      fileLabel(
        '/repo/codelab/step-05-signaling/src/main.ts',
        'codelab/step-06-video-call.md',
        repoRoot,
      ),
    ).toBe('codelab/step-05-signaling/src/main.ts');
  });
});

describe('renderCaption', () => {
  test('escapes the file and the note, and keeps Vue off them', () => {
    const html = renderCaption({ label: 'a{{b}}.ts', note: 'inside <main>', kind: 'whole file' });
    expect(html).toContain('v-pre');
    expect(html).toContain('<code class="code-file">a{{b}}.ts</code>');
    expect(html).toContain('<span class="code-note">inside &lt;main&gt;</span>');
    expect(html).toContain('<span class="code-kind">whole file, to compare</span>');
  });
});
