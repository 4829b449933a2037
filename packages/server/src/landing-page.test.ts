import { describe, expect, test } from 'vitest';
import type { AppInfo } from './discover-apps.ts';
import { renderLandingPage } from './landing-page.ts';
import { renderNotFoundPage } from './not-found-page.ts';

function app(overrides: Partial<AppInfo>): AppInfo {
  return {
    id: 'demos/x',
    kind: 'demo',
    dir: '/repo/demos/x',
    path: '/demos/x/',
    title: 'X',
    summary: 'An app.',
    order: 1,
    built: true,
    ...overrides,
  };
}

const docs = { path: '/docs/', built: true };
const noIce = { docs, ice: { servers: 0, turn: false } };

describe('renderLandingPage', () => {
  test('escapes every app value', () => {
    const page = renderLandingPage(
      [app({ title: '<script>alert(1)</script>', summary: 'Tom & "Jerry"', path: '/demos/"x/' })],
      noIce,
    );
    expect(page).not.toContain('<script>');
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(page).toContain('Tom &amp; &quot;Jerry&quot;');
    expect(page).toContain('href="/demos/&quot;x/"');
  });

  test('lists codelab steps, in the given order, before the demos', () => {
    const page = renderLandingPage(
      [
        app({ id: 'codelab/a', kind: 'codelab', title: 'Step one', path: '/codelab/a/' }),
        app({ id: 'codelab/b', kind: 'codelab', title: 'Step two', path: '/codelab/b/' }),
        app({ title: 'Video room', path: '/demos/video-room/' }),
      ],
      noIce,
    );
    const positions = ['Codelab', 'Step one', 'Step two', 'Demos', 'Video room'].map((text) =>
      page.indexOf(text),
    );
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(page).toContain('<a class="title" href="/codelab/a/">Step one</a>');
  });

  test('lists your work apart from the steps, after them and without a step number', () => {
    const page = renderLandingPage(
      [
        app({ id: 'codelab/step-01-a', kind: 'codelab', title: 'Camera', path: '/codelab/a/' }),
        app({ id: 'codelab/work', kind: 'codelab', title: 'Your work', path: '/codelab/work/' }),
        app({ title: 'Video room', path: '/demos/video-room/' }),
      ],
      noIce,
    );
    const steps = page.slice(page.indexOf('id="codelab"'), page.indexOf('id="your-work"'));
    expect(steps).toContain('<span class="step">1.</span><a class="title" href="/codelab/a/">');
    expect(steps).not.toContain('/codelab/work/');
    const work = page.slice(page.indexOf('id="your-work"'), page.indexOf('id="demos"'));
    expect(work).toContain('<a class="title" href="/codelab/work/">Your work</a>');
    expect(work).not.toContain('class="step"');
    expect(page).not.toContain('<span class="step">2.</span>');
  });

  test('shows an unbuilt app without a link and says how to build it', () => {
    const page = renderLandingPage([app({ title: 'Video room', built: false })], noIce);
    expect(page).toContain('not built — run npm run build');
    expect(page).not.toContain('href="/demos/x/"');
  });

  test('links the health and ICE endpoints and describes the ICE setup', () => {
    expect(renderLandingPage([], noIce)).toMatch(/href="\/healthz"[\s\S]*href="\/api\/ice"/);
    expect(renderLandingPage([], noIce)).toContain('No STUN or TURN servers are configured');
    expect(renderLandingPage([], { docs, ice: { servers: 2, turn: true } })).toContain(
      '2 ICE servers configured, including TURN',
    );
  });

  test('links the docs when they are built, and says how to build them when not', () => {
    const built = renderLandingPage([], noIce);
    expect(built).toContain('<a class="title" href="/docs/">Read the docs</a>');
    const unbuilt = renderLandingPage([], { ...noIce, docs: { ...docs, built: false } });
    expect(unbuilt).not.toContain('href="/docs/"');
    expect(unbuilt).toMatch(/Read the docs[\s\S]*not built — run npm run build/);
  });

  test('says so when a section is empty', () => {
    const page = renderLandingPage([], noIce);
    expect(page).toContain('No codelab steps yet.');
    expect(page).toContain('No demos yet.');
  });
});

describe('renderNotFoundPage', () => {
  test('escapes the path and links home', () => {
    const page = renderNotFoundPage('/<img src=x>');
    expect(page).toContain('&lt;img src=x&gt;');
    expect(page).toContain('<a href="/">');
  });
});
