import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test as base, type Browser, type BrowserContext } from '@peerlab/testing';
import type { TestInfo } from '@playwright/test';
import { installProbe, type ProbeOptions } from './page-probe.ts';
import type { Tab } from './page-report.ts';

export { expect } from '@peerlab/testing';
export type { Tab } from './page-report.ts';

/** The repository: the app folders and the paths in hints are relative to it. */
export const repoRoot = join(import.meta.dirname, '../../..');
/** The app under check: your `codelab/work` unless told otherwise. */
export interface CheckedApp {
  /** As the hub serves it: `/codelab/work/`. */
  path: string;
  /** Its folder, whose sources the hints quote. */
  dir: string;
}

/**
 * The app the running check looks at. With `CHECK_FINISHED_STEPS` (the self-test), each
 * step's checks look at that step's finished app, so every step runs in one Playwright run.
 */
export function checkedApp(): CheckedApp {
  if (!process.env.CHECK_FINISHED_STEPS) {
    return {
      path: process.env.CHECK_APP_PATH ?? '/codelab/work/',
      dir: process.env.CHECK_APP_DIR ?? join(repoRoot, 'codelab/work'),
    };
  }
  const step = /^step-(\d+)\.check\.ts$/.exec(checkFileOf(test.info()))?.[1];
  const folder = readdirSync(join(repoRoot, 'codelab')).find((name) =>
    name.startsWith(`step-${step}-`),
  );
  if (!folder)
    throw new Error(`No finished app codelab/step-${step}-… for ${checkFileOf(test.info())}.`);
  return { path: `/codelab/${folder}/`, dir: join(repoRoot, 'codelab', folder) };
}

/** A room name no other check uses, so each check starts in an empty room. */
export const newRoom = () => `check-${Math.random().toString(36).slice(2, 8)}`;

interface CheckFixtures {
  /** Opens `count` tabs of the app, each in its own browser context, at `?query` if given. */
  openTabs: (count: number, options?: TabOptions) => Promise<Tab[]>;
  /** Opens one tab in a Chromium that blocks the camera and microphone ("Block" clicked). */
  openTabWithCameraDenied: (options?: TabOptions) => Promise<Tab>;
}

interface TabOptions extends ProbeOptions {
  /** The search part of the address, such as `?room=check-ab12`. */
  query?: string;
  /** Names the tabs from this number on (tab 3 is the third tab of a check). */
  firstNumber?: number;
}

export const test = base.extend<CheckFixtures>({
  openTabs: async ({ browser, hub }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (count, options = {}) => {
      const tabs: Tab[] = [];
      for (let i = 0; i < count; i++) {
        const context = await browser.newContext({ baseURL: hub.url });
        contexts.push(context);
        tabs.push(await openTab(context, (options.firstNumber ?? 1) + i, options));
      }
      return tabs;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
  openTabWithCameraDenied: async ({ launchChromium, hub }, use) => {
    let denied: Browser | undefined;
    await use(async (options = {}) => {
      denied ??= await launchChromium({ grantMedia: false });
      const context = await denied.newContext({ baseURL: hub.url });
      return openTab(context, options.firstNumber ?? 1, options);
    });
  },
});

// A finished step in a folder of its own (the self-test's broken variants) is served by a hub
// rooted there.
if (process.env.CHECK_HUB_ROOT) test.use({ hubOptions: { rootDir: process.env.CHECK_HUB_ROOT } });

async function openTab(context: BrowserContext, number: number, options: TabOptions) {
  await context.addInitScript(installProbe, {
    ...(options.holdFirstDescriptionMs && {
      holdFirstDescriptionMs: options.holdFirstDescriptionMs,
    }),
  });
  const page = await context.newPage();
  const tab: Tab = { page, name: `tab ${number}`, errors: [] };
  page.on('console', (message) => {
    if (message.type() === 'error') tab.errors.push(message.text());
  });
  page.on('pageerror', (error) => tab.errors.push(`${error.name}: ${error.message}`));
  await page.goto(`${checkedApp().path}${options.query ?? ''}`);
  return tab;
}

interface CheckOptions {
  /** What to do when the check fails, in a sentence or two. */
  hint: string;
  /** Titles of checks this one builds on: when one of them did not pass, this one is skipped. */
  needs?: string[];
}

type Fixtures = CheckFixtures & { browser: Browser; hub: { url: string } };
type CheckBody = (fixtures: Fixtures, testInfo: TestInfo) => Promise<void>;

/**
 * A checkpoint: a title (the same words as the item of the page's "Check your work" list), a
 * hint printed when it fails, and the checks it needs. A check whose needs did not pass is
 * skipped, "because … failed", instead of failing for a reason it cannot see.
 */
export function check(title: string, { hint, needs = [] }: CheckOptions, body: CheckBody): void {
  const annotation = { type: 'hint', description: hint };
  // Playwright reads which fixtures a test uses from the names it destructures.
  test(
    title,
    { annotation },
    async ({ openTabs, openTabWithCameraDenied, browser, hub }, testInfo) => {
      const blocker = needs
        .map((need) => ({ need, result: results()[resultKey(testInfo, need)] }))
        .find(({ result }) => result !== undefined && result.status !== 'passed');
      if (blocker && !process.env.CHECK_RUN_ALL) {
        const cause = blocker.result!.because ?? blocker.need;
        testInfo.annotations.push({ type: 'because', description: cause });
        test.skip(true, `skipped because "${cause}" failed`);
      }
      await body({ openTabs, openTabWithCameraDenied, browser, hub }, testInfo);
    },
  );
}

// eslint-disable-next-line no-empty-pattern -- Playwright reads fixtures from the first parameter
test.afterEach(({}, testInfo) => {
  const because = testInfo.annotations.find((a) => a.type === 'because')?.description;
  record(resultKey(testInfo, testInfo.title), {
    status: testInfo.status ?? 'failed',
    ...(because && { because }),
  });
});

interface CheckRecord {
  status: string;
  /** For a skipped check: the check whose failure it follows from. */
  because?: string;
}

// Playwright starts a new worker process after a failure, so the results of the checks so far
// live in a file that `run-checks` names, not in memory.
const resultsFile = process.env.CHECK_RESULTS_FILE;
const inMemory: Record<string, CheckRecord> = {};

/**
 * The check's file, `step-06.check.ts`. (`testInfo.file` names this file, where `check()`
 * calls `test()`; the title path starts with the file that declared the check.)
 */
const checkFileOf = (testInfo: TestInfo) => basename(testInfo.titlePath[0] ?? '');

/** Two steps may have checks of the same title: each result is keyed by its file too. */
const resultKey = (testInfo: TestInfo, title: string) => `${checkFileOf(testInfo)} › ${title}`;

function results(): Record<string, CheckRecord> {
  if (!resultsFile || !existsSync(resultsFile)) return inMemory;
  return JSON.parse(readFileSync(resultsFile, 'utf8')) as Record<string, CheckRecord>;
}

function record(title: string, result: CheckRecord): void {
  const all = { ...results(), [title]: result };
  if (resultsFile) writeFileSync(resultsFile, JSON.stringify(all));
  else Object.assign(inMemory, all);
}
