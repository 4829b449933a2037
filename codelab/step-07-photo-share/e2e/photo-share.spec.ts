import { expect, test, type Page } from '@peerlab/testing';

const STEP = '/codelab/step-07-photo-share/';
/** The sender's high-water mark (HIGH_WATER_MARK in src/chunks.ts): 1 MiB. */
const HIGH_WATER_MARK = 1024 * 1024;

type OpenPeers = (count: number, path: string) => Promise<Page[]>;

interface Handle {
  channel?: RTCDataChannel;
  pc?: RTCPeerConnection;
  photo?: { name: string; blob: Blob; width: number; height: number };
  lastSend?: { chunkSize: number; maxBuffered: number; pauses: number; verified: boolean };
  received: { header: { name: string; type: string }; blob: Blob }[];
  snap(source?: CanvasImageSource, width?: number, height?: number): Promise<void>;
}
/** The page as step 7 fills it: `window.peerlab` with the fields above. */
type Step7Window = { peerlab: Handle };

/** Two pages in a new room, each with its photo channel open (Send only waits for a photo). */
async function openRoom(openPeers: OpenPeers): Promise<[Page, Page]> {
  const path = `${STEP}?room=photos-${test.info().testId.slice(0, 8)}-${Date.now()}`;
  const [sender] = await openPeers(1, path);
  const [receiver] = await openPeers(1, path);
  for (const page of [sender!, receiver!]) {
    await expect(page.locator('#send-reason')).toHaveText('Snap a photo first.');
  }
  return [sender!, receiver!];
}

/** The photo the sender's page is about to send: its size and the SHA-256 of its bytes. */
function senderPhoto(page: Page) {
  return page.evaluate(async () => {
    const { blob, width, height } = (window as unknown as Step7Window).peerlab.photo!;
    const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
    const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'));
    return { width, height, size: blob.size, type: blob.type, sha256: sha256.join('') };
  });
}

/** What the receiver shows first: the decoded image's size, and the SHA-256 of its bytes. */
function receivedPhoto(page: Page) {
  return page
    .locator('#received img')
    .first()
    .evaluate(async (image: HTMLImageElement) => {
      await image.decode();
      const blob = await (await fetch(image.src)).blob();
      const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
      const sha256 = Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0'));
      const { naturalWidth: width, naturalHeight: height } = image;
      return { width, height, size: blob.size, type: blob.type, sha256: sha256.join('') };
    });
}

/** Snaps a canvas of random pixels (noise barely compresses) at quality 1: a big photo. */
async function snapNoise(page: Page, width: number, height: number): Promise<void> {
  await page.locator('#quality').evaluate((input: HTMLInputElement) => {
    input.value = '1';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.evaluate(
    async ({ width, height }) => {
      const canvas = new OffscreenCanvas(width, height);
      const pixels = new ImageData(width, height);
      for (let i = 0; i < pixels.data.length; i += 65_536) {
        crypto.getRandomValues(pixels.data.subarray(i, i + 65_536)); // at most 64 KiB a call
      }
      for (let i = 3; i < pixels.data.length; i += 4) pixels.data[i] = 255; // opaque
      canvas.getContext('2d')!.putImageData(pixels, 0, 0);
      await (window as unknown as Step7Window).peerlab.snap(canvas, width, height);
    },
    { width, height },
  );
}

/** Both progress bars full: every byte sent, every byte received. */
async function expectFullProgress(sender: Page, receiver: Page, size: number): Promise<void> {
  for (const [page, bar] of [
    [sender, '#send-progress'],
    [receiver, '#receive-progress'],
  ] as const) {
    const progress = page.locator(bar);
    await expect(progress).toHaveAttribute('max', String(size));
    await expect(progress).toHaveAttribute('value', String(size));
  }
}

test('a snapped photo arrives whole: 640×480, the same bytes, 100 % on both sides', async ({
  openPeers,
}) => {
  const path = `${STEP}?room=photos-alone-${Date.now()}`;
  const [sender] = await openPeers(1, path);
  await sender!.locator('#snap').click();
  await expect(sender!.locator('#photo-size')).toContainText(/^JPEG .* raw RGBA 1\.23 MB/);
  // Alone in the room: nothing to send to, and the page says so.
  await expect(sender!.locator('#send')).toBeDisabled();
  await expect(sender!.locator('#send-reason')).toContainText('Nobody else is in the room yet');

  const [receiver] = await openPeers(1, path);
  await expect(sender!.locator('#send')).toBeEnabled();
  const sent = await senderPhoto(sender!);
  expect(sent).toMatchObject({ width: 640, height: 480, type: 'image/jpeg' });
  await sender!.locator('#send').click();

  await expect(receiver!.locator('#received img')).toHaveCount(1);
  expect(await receivedPhoto(receiver!)).toEqual(sent);
  await expectFullProgress(sender!, receiver!, sent.size);
  await expect(receiver!.locator('#receive-status')).toContainText('SHA-256 verified');
  await expect(sender!.locator('#send-status')).toContainText('your peer verified its SHA-256');
  await expect(receiver!.locator('#received a[download]')).toHaveAttribute(
    'download',
    'photo-1.jpeg',
  );

  // The other way, in WebP: the channel carries photos both ways.
  await receiver!.locator('#format').selectOption('image/webp');
  await receiver!.locator('#snap').click();
  await expect(receiver!.locator('#photo-size')).toContainText(/^WEBP /);
  const back = await senderPhoto(receiver!);
  await receiver!.locator('#send').click();
  await expect(sender!.locator('#received img')).toHaveCount(1);
  expect(await receivedPhoto(sender!)).toEqual({ ...back, width: 640, height: 480 });
});

test('a large photo goes with backpressure: the buffer never holds more than 1 MiB', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openRoom(openPeers);
  // Our own probe on the channel, not the page's own numbers: bufferedAmount after every send.
  await sender.evaluate(() => {
    const channel = (window as unknown as Step7Window).peerlab.channel!;
    const send = channel.send.bind(channel) as (data: unknown) => void;
    const probe = { maxBuffered: 0 };
    Object.assign(window, { probe });
    channel.send = (data: never) => {
      send(data);
      probe.maxBuffered = Math.max(probe.maxBuffered, channel.bufferedAmount);
    };
  });
  await snapNoise(sender, 1280, 960); // about 3.6 MB as a JPEG at quality 1
  const sent = await senderPhoto(sender);
  expect(sent.size).toBeGreaterThan(3 * HIGH_WATER_MARK);
  await sender.locator('#send').click();

  await expect(receiver.locator('#received img')).toHaveCount(1);
  expect(await receivedPhoto(receiver)).toEqual(sent);
  await expectFullProgress(sender, receiver, sent.size);
  await expect(sender.locator('#send-status')).toContainText('your peer verified its SHA-256');
  const { maxBuffered } = await sender.evaluate(
    () => (window as unknown as { probe: { maxBuffered: number } }).probe,
  );
  const report = await sender.evaluate(() => (window as unknown as Step7Window).peerlab.lastSend!);
  expect(maxBuffered, 'the buffer filled up to the mark').toBeGreaterThan(HIGH_WATER_MARK / 2);
  expect(maxBuffered, 'and never past it').toBeLessThanOrEqual(HIGH_WATER_MARK);
  expect(report).toMatchObject({ chunkSize: 64 * 1024, maxBuffered, verified: true });
  expect(report.pauses).toBeGreaterThan(0);
});

test('a photo over 5 MB gets a clear message, and nothing is sent', async ({ openPeers }) => {
  const [sender, receiver] = await openRoom(openPeers);
  await snapNoise(sender, 1600, 1200); // about 5.6 MB
  await expect(sender.locator('#photo-size')).toContainText('Over the 5.00 MB limit!');
  await sender.locator('#send').click();
  await expect(sender.locator('#error')).toContainText('This photo is too large to send');
  await expect(sender.locator('#error')).toContainText('Nothing was sent.');

  const messagesSent = await sender.evaluate(async () => {
    const stats = [...(await (window as unknown as Step7Window).peerlab.pc!.getStats()).values()];
    return stats.find((s) => s.type === 'data-channel' && s.label === 'photo')?.messagesSent;
  });
  expect(messagesSent).toBe(0);
  await expect(receiver.locator('#receive-status')).toHaveText('Nothing received yet.');
  await expect(sender.locator('#send')).toBeEnabled(); // lower the quality and try again
});

test('the sender leaving mid-photo: the receiver says the transfer is incomplete', async ({
  openPeers,
}) => {
  const [sender, receiver] = await openRoom(openPeers);
  // A header for 200,000 bytes, then only the first 50,000 of them, as a real send would start.
  await sender.evaluate(async () => {
    const { channel } = (window as unknown as Step7Window).peerlab;
    const header = { kind: 'photo', name: 'photo-9.jpeg', type: 'image/jpeg', size: 200_000 };
    channel!.send(JSON.stringify({ ...header, width: 640, height: 480, sha256: 'ab'.repeat(32) }));
    channel!.send(new Uint8Array(50_000));
  });
  await expect(receiver.locator('#receive-progress')).toHaveAttribute('value', '50000');
  await expect(receiver.locator('#receive-status')).toContainText('photo-9.jpeg: received');
  await expect(receiver.locator('#receive-status')).toContainText('(25 %)');

  await sender.close(); // the tab goes away mid-photo
  const error = receiver.locator('#error');
  await expect(error).toContainText('Transfer incomplete');
  await expect(error).toContainText('the other side left, after 50000 of 200000 bytes');
  await expect(receiver.locator('#receive-status')).toContainText('partial photo was discarded');
  await expect(receiver.locator('#received img')).toHaveCount(0);
  expect(
    await receiver.evaluate(() => (window as unknown as Step7Window).peerlab.received.length),
  ).toBe(0);
  await expect(receiver.locator('#send-reason')).toContainText('Nobody else is in the room yet');
});
