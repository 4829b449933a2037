import { describe, expect, test } from 'vitest';
import { escapeHtml, html } from './html.ts';

describe('escapeHtml', () => {
  test('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });
});

describe('html', () => {
  test('escapes interpolated values but not the template itself', () => {
    expect(html`<p title="${'"quoted"'}">${'<b>'}</p>`.value).toBe(
      '<p title="&quot;quoted&quot;">&lt;b&gt;</p>',
    );
  });

  test('keeps nested html, joins arrays and skips empty values', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    const list = html`<ul>
      ${items}
    </ul>`;
    // Prettier lays out `html` templates, so compare without the whitespace between tags.
    expect(list.value.replace(/>\s+</g, '><')).toBe('<ul><li>a&lt;</li><li>b</li></ul>');
    expect(html`${undefined}${null}${false}${0}`.value).toBe('0');
  });
});
