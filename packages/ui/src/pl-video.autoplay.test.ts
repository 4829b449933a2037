import { openCamera, stopStream } from '@peerlab/capture';
import { afterEach, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './pl-video.ts';
import { nextEvent } from './test-support/next-event.ts';

// This file runs in the Chromium that blocks autoplay with sound until a click (vitest.config.ts).
let stream: MediaStream | undefined;
afterEach(() => {
  stopStream(stream);
  document.body.replaceChildren();
});

/** Puts a `<pl-video>` showing a camera and microphone stream in the page. */
async function showCamera(muted: boolean) {
  stream = await openCamera({ audio: true });
  const element = document.createElement('pl-video');
  const playing = nextEvent(element, 'pl-video-playing');
  element.muted = muted;
  element.srcObject = stream;
  document.body.append(element);
  await element.updateComplete;
  return { element, playing };
}

it('offers "Click to play" when autoplay is blocked, and plays on click', async () => {
  const { element, playing } = await showCamera(false);
  const button = page.getByRole('button', { name: 'Click to play' });
  await expect.element(button).toBeVisible();
  expect(element.video.paused).toBe(true);

  await userEvent.click(button);
  await playing;

  expect(element.video.paused).toBe(false);
  await expect.element(button).not.toBeInTheDocument();
});

it('plays a muted preview without a click', async () => {
  const { element, playing } = await showCamera(true);
  await playing;

  expect(element.video.paused).toBe(false);
  expect(element.shadowRoot!.querySelector('[part="play-button"]')).toBeNull();
});
