import { startHub } from '@peerlab/server';
import { chromiumLaunchOptions } from '@peerlab/testing';
import { chromium, type Page } from '@playwright/test';
import type { BenchRow, BenchSuite } from './report.ts';
import { median, percentile, round } from './stats.ts';

const MESSAGES = 10_000;
const ROOM = 'bench-history';
/** The goal: no frame over this while the history renders and scrolls. */
const FRAME_GOAL_MS = 50;

interface Run {
  /** Click (or start) → the history on screen, ms. */
  openMs: number;
  /** The longest animation frame while opening (Long Animation Frames, 0 if none over 50 ms). */
  openLongestFrameMs: number;
  /** rAF-to-rAF intervals while scrolling. */
  frames: number[];
  /** Long animation frames (over 50 ms) while scrolling. */
  longFrames: number;
  /** Message elements in the DOM after opening. */
  elements: number;
}

/** Fills the room's history through the demo's own HistoryStore: join once, save, leave. */
async function fillHistory(page: Page): Promise<void> {
  await page.locator('#nick').fill('Bench');
  await page.locator('#join').click();
  await page.locator('#text').waitFor({ state: 'visible' });
  await page.waitForFunction(
    () => !(document.querySelector('#text') as HTMLTextAreaElement).disabled,
  );
  await page.evaluate(async (count) => {
    type Store = { save(entry: unknown): void; saved(): Promise<void> };
    const store = (window as unknown as { peerlab: { store: Store } }).peerlab.store;
    const authors = ['bench-author-a', 'bench-author-b', 'bench-author-c', 'bench-author-d'];
    const words = 'the data channel carries every message from peer to peer without the hub'.split(
      ' ',
    );
    for (let i = 0; i < count; i++) {
      const length = 3 + ((i * 7919) % 40); // 3 to 42 words: one line to a paragraph
      const text = Array.from({ length }, (_, w) => words[(i + w) % words.length]).join(' ');
      store.save({
        message: {
          type: 'msg',
          id: `bench-${String(i).padStart(8, '0')}`,
          author: authors[i % 4],
          nick: `Peer ${i % 4}`,
          clock: i + 1,
          at: 1_700_000_000_000 + i * 1000,
          text: i % 10 === 0 ? `${text} https://example.org/${i}` : text,
        },
        receipts: i % 4 === 0 ? [['bench-author-b', 'read']] : [],
      });
    }
    await store.saved();
  }, MESSAGES);
  await page.locator('#leave').click();
}

/** In the page: watches for long animation frames; returns a function that reads them. */
function watchLongFrames(page: Page) {
  return page.evaluate(() => {
    const durations: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) durations.push(entry.duration);
    });
    observer.observe({ type: 'long-animation-frame' });
    (window as unknown as { longFrames: number[] }).longFrames = durations;
  });
}

const takeLongFrames = (page: Page) =>
  page.evaluate(() => (window as unknown as { longFrames: number[] }).longFrames.splice(0));

/** Scrolls `scroller` bottom to top in 300 steps, then jumps 100 times; rAF intervals. */
function scrollFrames(page: Page, which: 'ours' | 'anchor'): Promise<number[]> {
  return page.evaluate(async (which) => {
    const scroller =
      which === 'ours'
        ? document.querySelector('chat-message-list')!.shadowRoot!.querySelector('lit-virtualizer')!
        : document.querySelector<HTMLElement>('#naive')!;
    const frame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
    const intervals: number[] = [];
    let last = await frame();
    const steps = 300;
    for (let i = 0; i <= steps + 100; i++) {
      const height = scroller.scrollHeight;
      scroller.scrollTop =
        i <= steps ? (height * (steps - i)) / steps : ((i * 7919) % 1000) * (height / 1000);
      const now = await frame();
      intervals.push(now - last);
      last = now;
    }
    return intervals;
  }, which);
}

/** Ours: Join with the history in IndexedDB; the page measures click → history shown. */
async function openOurs(page: Page, url: string): Promise<Run> {
  await page.goto(url);
  await watchLongFrames(page);
  await page.locator('#join').click();
  await page.waitForFunction(() => performance.getEntriesByName('room-open').length > 0);
  const openMs = await page.evaluate(() => performance.getEntriesByName('room-open')[0]!.duration);
  const newest = `bench-${String(MESSAGES - 1).padStart(8, '0')}`;
  await page.locator(`chat-message-list article[data-id="${newest}"]`).waitFor();
  const elements = await page.locator('chat-message-list article').count();
  const openLongestFrameMs = Math.max(0, ...(await takeLongFrames(page)));
  const frames = await scrollFrames(page, 'ours');
  const longFrames = (await takeLongFrames(page)).length;
  await page.locator('#leave').click();
  return { openMs, openLongestFrameMs, frames, longFrames, elements };
}

/**
 * The anchor: the same 10,000 messages from the same IndexedDB, each rendered as a DOM element
 * in one scrolling list (text only, no link parsing), as a chat without virtualisation does.
 */
async function openAnchor(page: Page, url: string): Promise<Run> {
  await page.goto(url);
  await watchLongFrames(page);
  const openMs = await page.evaluate(async (room) => {
    const start = performance.now();
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('peerlab-chat');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const range = IDBKeyRange.bound([room], [room, []]);
    const request = db.transaction('messages').objectStore('messages').index('order').getAll(range);
    type Stored = { message: { nick: string; at: number; text: string } };
    const stored = await new Promise<Stored[]>(
      (resolve) => (request.onsuccess = () => resolve(request.result)),
    );
    db.close();
    const list = Object.assign(document.createElement('div'), { id: 'naive' });
    list.style.cssText = 'height: 26rem; overflow-y: auto';
    for (const { message } of stored) {
      const article = document.createElement('article');
      const header = document.createElement('header');
      header.textContent = `${message.nick} ${new Date(message.at).toLocaleTimeString()}`;
      const text = Object.assign(document.createElement('p'), { textContent: message.text });
      article.append(header, text);
      list.append(article);
    }
    document.querySelector('main')!.prepend(list);
    list.scrollTop = list.scrollHeight;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return performance.now() - start;
  }, ROOM);
  const elements = await page.locator('#naive article').count();
  const openLongestFrameMs = Math.max(0, ...(await takeLongFrames(page)));
  const frames = await scrollFrames(page, 'anchor');
  const longFrames = (await takeLongFrames(page)).length;
  return { openMs, openLongestFrameMs, frames, longFrames, elements };
}

/**
 * The data-channel chat with 10,000 messages in its history: the time to open the room, and
 * every frame while the list scrolls, against a plain list of the same messages.
 */
export async function benchChatHistory(runs = 5): Promise<BenchSuite> {
  const hub = await startHub({ port: 0, quiet: true });
  const browser = await chromium.launch(chromiumLaunchOptions());
  const ours: Run[] = [];
  const anchor: Run[] = [];
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    // tsx keeps function names through an `__name` helper that page functions call too.
    await page.addInitScript('globalThis.__name = (target) => target;');
    const url = new URL(`/demos/datachannel-chat/?room=${ROOM}`, hub.url).href;
    await page.goto(url);
    await fillHistory(page);
    console.info('filled');
    // Interleaved, so a slow moment of the machine hits both alike.
    for (let run = 0; run < runs; run++) {
      ours.push(await openOurs(page, url));
      anchor.push(await openAnchor(page, url));
    }
  } finally {
    await browser.close();
    await hub.close();
  }
  const all = (list: Run[], key: 'frames') => list.flatMap((run) => run[key]);
  const max = (list: Run[], pick: (run: Run) => number) => Math.max(...list.map(pick));
  const rows: BenchRow[] = [
    {
      metric: `open a room with ${MESSAGES.toLocaleString('en')} messages (click → shown), median`,
      ours: round(median(ours.map((run) => run.openMs))),
      anchor: round(median(anchor.map((run) => run.openMs))),
      unit: 'ms',
      note:
        'ours from the Join click: IndexedDB opened and read a page at a time (each message ' +
        'checked again), /api/ice, the chat built, the list drawn (the join to the hub goes on ' +
        'after); the anchor only reads and draws.',
    },
    {
      metric: 'longest frame while opening',
      ours: round(max(ours, (run) => run.openLongestFrameMs)),
      anchor: round(max(anchor, (run) => run.openLongestFrameMs)),
      unit: 'ms',
      goal: { op: '<=', value: FRAME_GOAL_MS },
      note: 'the longest Long Animation Frame (frames under 50 ms are not reported, so 0 is "none over 50 ms").',
    },
    {
      metric: `longest frame while scrolling (${ours[0]?.frames.length ?? 0} frames × ${runs})`,
      ours: round(Math.max(...all(ours, 'frames'))),
      anchor: round(Math.max(...all(anchor, 'frames'))),
      unit: 'ms',
      goal: { op: '<=', value: FRAME_GOAL_MS },
      note: 'requestAnimationFrame to requestAnimationFrame, each frame after a jump of the scroll position.',
    },
    {
      metric: 'frame while scrolling, p95',
      ours: round(percentile(all(ours, 'frames'), 95)),
      anchor: round(percentile(all(anchor, 'frames'), 95)),
      unit: 'ms',
    },
    {
      metric: 'long animation frames (> 50 ms) while scrolling, all runs',
      ours: ours.reduce((sum, run) => sum + run.longFrames, 0),
      anchor: anchor.reduce((sum, run) => sum + run.longFrames, 0),
      unit: 'frames',
      goal: { op: '<=', value: 0 },
    },
    {
      metric: 'message elements in the DOM',
      ours: median(ours.map((run) => run.elements)),
      anchor: median(anchor.map((run) => run.elements)),
      unit: 'elements',
    },
  ];
  return {
    name: 'chat-history',
    title: `Data-channel chat: ${MESSAGES.toLocaleString('en')} messages of history, opened and scrolled (${runs} runs)`,
    anchor:
      'a naive, non-virtualised list: the same messages from the same IndexedDB, one DOM element ' +
      'each (nick, time, text; no link parsing), in the same page and scrolled the same way. ' +
      'Headless Chromium, so frames are timed by requestAnimationFrame, not by a screen.',
    rows,
    samples: {
      'ours:open': ours.map((run) => round(run.openMs)),
      'anchor:open': anchor.map((run) => round(run.openMs)),
    },
  };
}
