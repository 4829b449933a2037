import { expect, test } from '@peerlab/testing';
import { CHAT_PATH, expectGreeted, join } from './chat-page.ts';

/** A 1 × 1 PNG. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

test('an image goes over the channel and shows as an image; one over the cap gets a clear message', async ({
  openPeers,
}) => {
  const [ada, bob] = await openPeers(2, CHAT_PATH);
  await join(ada!, 'image-check', 'Ada');
  await join(bob!, 'image-check', 'Bob');
  await expectGreeted(ada!, 1);

  await ada!
    .locator('#image')
    .setInputFiles({ name: 'pixel.png', mimeType: 'image/png', buffer: PIXEL });
  const image = bob!.locator('chat-message-list article img');
  await expect(image).toHaveAttribute('alt', 'Image from Ada');
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const tooLarge = Buffer.concat([PIXEL, Buffer.alloc(1_100_000)]);
  await ada!
    .locator('#image')
    .setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: tooLarge });
  await expect(ada!.locator('pl-error [part=title]')).toHaveText('That image is too large to send');
  await expect(ada!.locator('pl-error [part=message]')).toContainText('1.10 MB');
  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
  await ada!
    .locator('#image')
    .setInputFiles({ name: 'x.svg', mimeType: 'image/svg+xml', buffer: svg });
  await expect(ada!.locator('pl-error [part=title]')).toHaveText(
    'That file is not an image the chat sends',
  );
  // Neither went: Bob still has the one image.
  await expect(bob!.locator('chat-message-list article')).toHaveCount(1);
  expect(
    await bob!.evaluate(
      () => window.peerlab?.chat && (window.peerlab.chat as { log: { size: number } }).log.size,
    ),
  ).toBe(1);
});
