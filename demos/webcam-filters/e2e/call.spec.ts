import { expect, inboundVideoStats, keepSentResolution, test, type Page } from '@peerlab/testing';
import { pick, startCamera } from './filters-page.ts';

async function joinRoom(page: Page, room: string): Promise<void> {
  await page.locator('#room').fill(room);
  await page.locator('#join').click();
}

/**
 * The remote video as decoded, drawn to a canvas: its mean brightness, and its colourfulness, the
 * mean |R−G| and |G−B| (0 for grey, large for the green fake camera).
 */
function sampleRemote(page: Page): Promise<{ width: number; brightness: number; colour: number }> {
  return page.evaluate(() => {
    const video = document.querySelector('#remote')!.shadowRoot!.querySelector('video')!;
    const canvas = Object.assign(document.createElement('canvas'), { width: 160, height: 120 });
    const context = canvas.getContext('2d')!;
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let [brightness, colour] = [0, 0];
    for (let i = 0; i < data.length; i += 4) {
      brightness += (data[i]! + data[i + 1]! + data[i + 2]!) / 3;
      colour += (Math.abs(data[i]! - data[i + 1]!) + Math.abs(data[i + 1]! - data[i + 2]!)) / 2;
    }
    const pixels = data.length / 4;
    return { width: video.videoWidth, brightness: brightness / pixels, colour: colour / pixels };
  });
}

test('the call carries the filtered canvas: grey from one side, colour from the other', async ({
  openPeers,
}) => {
  const [alice, bob] = await openPeers(2, '/demos/webcam-filters/');
  await startCamera(alice!);
  await pick(alice!, 'grayscale');
  await startCamera(bob!);
  await joinRoom(alice!, 'filtered-call');
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await joinRoom(bob!, 'filtered-call');
  for (const page of [alice!, bob!]) {
    await expect(page.locator('#status')).toHaveAttribute('state', 'connected');
    await expect.poll(async () => (await inboundVideoStats(page)).framesDecoded).toBeGreaterThan(5);
  }
  // Bob receives Alice's grayscale: R≈G≈B up to codec error. Alice receives Bob's plain camera.
  for (const page of [alice!, bob!]) {
    await expect.poll(async () => (await sampleRemote(page)).brightness).toBeGreaterThan(20);
  }
  // The canvas's full 640 wide. A busy CPU would make Alice's sender scale it down: keep its
  // size, lose frames instead (and poll: the first frames may be smaller).
  await keepSentResolution(alice!);
  await expect.poll(async () => (await sampleRemote(bob!)).width).toBe(640);
  const [fromAlice, fromBob] = [await sampleRemote(bob!), await sampleRemote(alice!)];
  expect(fromAlice.colour).toBeLessThanOrEqual(12);
  expect(fromBob.colour).toBeGreaterThan(40);

  await bob!.locator('#leave').click();
  await expect(alice!.locator('#status')).toHaveAttribute('state', 'waiting');
  await expect(bob!.locator('#join')).toBeEnabled();

  // A room name the hub refuses is explained, and Bob can try again.
  await joinRoom(bob!, 'no spaces allowed');
  await expect(bob!.locator('#call-error [role=alert]')).toContainText(
    'That room name will not work',
  );
  await expect(bob!.locator('#join')).toBeEnabled();
});
