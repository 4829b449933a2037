import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { afterAll, expect, test } from 'vitest';
import { peerlabApp } from './index.ts';

// The hub's secrets live in its environment (PEERLAB_TURN_SECRET, PEERLAB_HUB_SECRET). A build
// made in that same environment must not carry them to browsers, whatever the app reads.
const app = mkdtempSync(join(tmpdir(), 'peerlab-preset-'));
afterAll(() => rmSync(app, { recursive: true, force: true }));

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

test('an app built with the hub’s secrets in its environment holds none of them', async () => {
  const secrets = {
    PEERLAB_TURN_SECRET: `turn-${crypto.randomUUID()}`,
    PEERLAB_HUB_SECRET: `hub-${crypto.randomUUID()}`,
  };
  Object.assign(process.env, secrets);
  writeFileSync(join(app, 'index.html'), '<script type="module" src="./main.ts"></script>');
  // Everything the build lets a page read of its environment, written into the bundle.
  writeFileSync(join(app, 'main.ts'), 'console.info(JSON.stringify(import.meta.env));');
  try {
    await build({ ...peerlabApp(), root: app, logLevel: 'silent', configFile: false });
  } finally {
    for (const name of Object.keys(secrets)) delete process.env[name];
  }
  const built = filesUnder(join(app, 'dist')).map((file) => readFileSync(file, 'utf8'));
  expect(built.some((text) => /MODE\W+production/.test(text))).toBe(true); // the env is in it
  for (const secret of Object.values(secrets)) {
    expect(built.filter((text) => text.includes(secret))).toEqual([]);
  }
});
