import { expect, type Page } from '@peerlab/testing';
import { appPath, check } from './check-app.ts';

type OpenPeers = (count: number, path: string) => Promise<Page[]>;

/** Two tabs of the app in one new room (`?room=…`). */
function openRoom(openPeers: OpenPeers): Promise<Page[]> {
  return openPeers(2, `${appPath}?room=check7-${Date.now()}`);
}

/** Snaps on `sender` and sends to the other tab, as a learner would. */
async function snapAndSend(sender: Page): Promise<void> {
  await expect(sender.locator('#snap')).toBeEnabled();
  await sender.locator('#snap').click();
  await expect(sender.locator('#send')).toBeEnabled();
  await sender.locator('#send').click();
}

check(
  'Snap and Send show the photo in the other tab, 640×480',
  'Join the room named in ?room= on load (RoomCall + SignalingClient). Both sides: pc.createDataChannel("photo", { negotiated: true, id: 1 }). <button id="snap"> draws the camera frame on a <canvas> and canvas.toBlob(…, "image/jpeg", quality); <button id="send"> sends a JSON header, then the bytes in chunks. The receiver joins the chunks in a Blob and adds an <img> with URL.createObjectURL(blob) to <div id="received">.',
  async ({ openPeers }) => {
    const [sender, receiver] = await openRoom(openPeers);
    await snapAndSend(sender!);
    const image = receiver!.locator('#received img').first();
    await expect(image).toBeAttached();
    const size = await image.evaluate(async (img: HTMLImageElement) => {
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    });
    expect(size, 'the received image has the camera frame’s size').toEqual([640, 480]);
  },
);

check(
  'Both tabs show the transfer’s progress',
  'Add <progress id="send-progress"> on the sending side and <progress id="receive-progress"> on the receiving side: set max to the photo’s size in bytes and value to the bytes sent (after each chunk) or received (in each "message"), so both end full.',
  async ({ openPeers }) => {
    const [sender, receiver] = await openRoom(openPeers);
    await snapAndSend(sender!);
    for (const [page, id] of [
      [sender!, '#send-progress'],
      [receiver!, '#receive-progress'],
    ] as const) {
      await expect
        .poll(() =>
          page
            .locator(id)
            .evaluate((bar: HTMLProgressElement) => bar.value > 1 && bar.value === bar.max),
        )
        .toBe(true);
    }
  },
);

check(
  'Send waits for someone to send to',
  'Alone in the room, <button id="snap"> still works but <button id="send"> stays disabled, with the reason in <span id="send-reason">: enable it only once the photo channel to the other tab is open (its "open" event), and disable it again on "close".',
  async ({ openPeers }) => {
    const room = `${appPath}?room=check7-alone-${Date.now()}`;
    const [alone] = await openPeers(1, room);
    await expect(alone!.locator('#snap')).toBeEnabled();
    await alone!.locator('#snap').click();
    await expect(alone!.locator('#send-reason')).not.toBeEmpty();
    await expect(alone!.locator('#send')).toBeDisabled();
    await openPeers(1, room);
    await expect(alone!.locator('#send'), 'Send is enabled once someone joins').toBeEnabled();
  },
);
