import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  findSnippetImports,
  hasRegion,
  regionLines,
  resolveSnippetPath,
  stripRegionMarkers,
} from './snippet-imports.ts';

describe('findSnippetImports', () => {
  test('reads the path and region of each <<< line, with its line number', () => {
    const page = ['# Title', '', '<<< @/../demos/a/src/main.ts#join-room', '', '<<< ./b.ts'].join(
      '\n',
    );
    expect(findSnippetImports(page)).toEqual([
      { line: 3, path: '@/../demos/a/src/main.ts', region: 'join-room' },
      { line: 5, path: './b.ts' },
    ]);
  });

  test('understands the line highlights, language and title VitePress allows after the path', () => {
    expect(findSnippetImports('<<< @/x/y.ts#core{2,4-5 ts:line-numbers} [y.ts]')).toEqual([
      { line: 1, path: '@/x/y.ts', region: 'core', title: 'y.ts' },
    ]);
    expect(findSnippetImports('<<< @/x/y.ts{ts}')).toEqual([{ line: 1, path: '@/x/y.ts' }]);
  });

  test('finds imports indented in lists and code groups, and not inside fenced code', () => {
    const page = [
      '::: code-group',
      '<<< @/a.ts#one [a]',
      ':::',
      '- item',
      '',
      '  <<< @/b.ts#two',
      '````md',
      '```ts',
      '<<< @/shown-only.ts#nope',
      '```',
      '````',
      '~~~',
      '<<< @/also-shown.ts',
      '~~~',
      '<<< @/c.ts',
    ].join('\n');
    expect(findSnippetImports(page).map(({ line, path }) => `${line} ${path}`)).toEqual([
      '2 @/a.ts',
      '6 @/b.ts',
      '15 @/c.ts',
    ]);
  });

  test('ignores text that merely mentions <<<', () => {
    expect(findSnippetImports('Use `<<<` to import code; a <<< b')).toEqual([]);
  });
});

describe('resolveSnippetPath', () => {
  test('@ is the site folder; other paths are relative to the page', () => {
    const srcDir = resolve('/repo/docs');
    expect(resolveSnippetPath('@/../demos/x.ts', '/repo/docs/codelab/a.md', srcDir)).toBe(
      resolve('/repo/demos/x.ts'),
    );
    expect(resolveSnippetPath('../snippets/y.ts', '/repo/docs/codelab/a.md', srcDir)).toBe(
      resolve('/repo/docs/snippets/y.ts'),
    );
  });
});

describe('hasRegion', () => {
  const source = [
    'const a = 1;',
    '  // #region join',
    'join();',
    '  // #endregion join',
    '//#region tight',
    '//#endregion tight',
    '/* #region style */',
    '/* #endregion style */',
    '<!-- #region markup -->',
    '<!-- #endregion markup -->',
    '# region shell',
    '# endregion shell',
    '// #region open',
  ].join('\n');

  test('finds regions in each comment style, indented or not', () => {
    for (const name of ['join', 'tight', 'style', 'markup', 'shell']) {
      expect(hasRegion(source, name), name).toBe(true);
    }
  });

  test('a missing region, or one without its end marker, is not there', () => {
    expect(hasRegion(source, 'relay')).toBe(false);
    expect(hasRegion(source, 'open')).toBe(false);
    expect(hasRegion(source, 'joi')).toBe(false);
  });

  test('the end marker must use the same comment style as the start', () => {
    expect(hasRegion('// #region mix\n/* #endregion mix */', 'mix')).toBe(false);
  });
});

describe('regionLines and stripRegionMarkers', () => {
  const source = [
    '// #region outer',
    'const a = 1;',
    '// #region inner',
    'const b = 2;',
    '// #endregion inner',
    '// #endregion outer',
    '<!-- #region page -->',
    '<p></p>',
    '<!-- #endregion page -->',
  ].join('\n');

  test('give what VitePress shows: a region without the markers nested in it', () => {
    expect(regionLines(source, 'outer')).toEqual(['const a = 1;', 'const b = 2;']);
    expect(regionLines(source, 'page')).toEqual(['<p></p>']);
    expect(regionLines(source, 'missing')).toBeUndefined();
  });

  test('show a whole file without any marker', () => {
    expect(stripRegionMarkers(source)).toBe('const a = 1;\nconst b = 2;\n<p></p>');
  });
});
