import { html, SafeHtml } from './html.ts';

// One small stylesheet for every page the hub renders itself. System fonts, and colours
// that follow the visitor's light or dark preference.
const STYLE = `
  :root { color-scheme: light dark; --fg: #1d1d1f; --muted: #5f6368; --bg: #fafafa;
    --card: #ffffff; --line: #e0e0e0; --link: #0b57d0; --badge: #fff4e5; --badge-fg: #8a4b00; }
  @media (prefers-color-scheme: dark) {
    :root { --fg: #e8eaed; --muted: #9aa0a6; --bg: #121212; --card: #1e1e1e;
      --line: #333333; --link: #8ab4f8; --badge: #3b2a12; --badge-fg: #ffcc80; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--bg); color: var(--fg); line-height: 1.5;
    font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
  main { max-width: 46rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
  h1 { font-size: 2rem; margin: 0 0 0.5rem; }
  h2 { font-size: 1.25rem; margin: 2rem 0 0.75rem; }
  p { margin: 0.25rem 0; }
  a { color: var(--link); }
  code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.9em; }
  .intro, .muted { color: var(--muted); }
  .apps { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
  .apps li { background: var(--card); border: 1px solid var(--line); border-radius: 0.5rem;
    padding: 0.75rem 1rem; }
  .apps .title, .docs .title { font-weight: 600; }
  .docs { margin-top: 1rem; }
  .step { color: var(--muted); margin-right: 0.5rem; }
  .badge { display: inline-block; margin-left: 0.5rem; padding: 0 0.5rem; border-radius: 999px;
    background: var(--badge); color: var(--badge-fg); font-size: 0.85em; }
  footer { margin-top: 2.5rem; padding-top: 1rem; border-top: 1px solid var(--line);
    color: var(--muted); font-size: 0.9em; }
`;

/** Wraps page content in a complete HTML document with the hub's stylesheet. */
export function renderPage(title: string, content: SafeHtml): string {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          ${new SafeHtml(STYLE)}
        </style>
      </head>
      <body>
        <main>${content}</main>
      </body>
    </html> `.value;
}
