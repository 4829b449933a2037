import { startCoturn, type Coturn } from './coturn.ts';
import { test } from './peerlab-test.ts';

/**
 * `test` with a real coturn for the file's worker (`coturn`), and a hub that hands out TURN
 * credentials for it on `/api/ice`.
 */
export const testWithCoturn = test.extend<object, { coturn: Coturn }>({
  coturn: [
    // Playwright reads a fixture's dependencies from its first parameter: this one has none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const coturn = await startCoturn();
      await use(coturn);
      await coturn.close();
    },
    { scope: 'worker' },
  ],
  hubOptions: [
    async ({ coturn }, use) =>
      use({ ice: { turn: { urls: [coturn.url], secret: coturn.secret } } }),
    { scope: 'worker' },
  ],
});
