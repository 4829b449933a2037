import { openCamera, stopStream } from '@peerlab/capture';
import { afterEach, describe, expect, it } from 'vitest';
import './pl-video.ts';
import type { PlVideo } from './pl-video.ts';
import { nextEvent } from './test-support/next-event.ts';

let stream: MediaStream | undefined;
afterEach(() => {
  stopStream(stream);
  document.body.replaceChildren();
});

async function render(setup: (video: PlVideo) => void = () => {}): Promise<PlVideo> {
  const video = document.createElement('pl-video');
  setup(video);
  document.body.append(video);
  await video.updateComplete;
  return video;
}

describe('<pl-video>', () => {
  it('plays a camera stream and fires pl-video-playing once frames arrive', async () => {
    stream = await openCamera({ preset: 'qvga' });
    const element = await render();
    const playing = nextEvent(element, 'pl-video-playing');

    element.srcObject = stream;
    await playing;

    expect(element.video.srcObject).toBe(stream);
    expect(element.video.paused).toBe(false);
    expect(element.video.videoWidth).toBe(320);
    expect(element.video.videoHeight).toBe(240);
  });

  it('keeps playing without a restart when other properties change', async () => {
    stream = await openCamera({ preset: 'qvga' });
    const element = await render();
    const playing = nextEvent(element, 'pl-video-playing');
    element.srcObject = stream;
    await playing;

    element.label = 'Ada';
    element.mirrored = true;
    element.muted = true;
    await element.updateComplete;

    // Setting srcObject again, even to the same stream, would pause and empty the video at once.
    expect(element.video.paused).toBe(false);
    expect(element.video.readyState).toBeGreaterThanOrEqual(HTMLMediaElement.HAVE_CURRENT_DATA);
  });

  it('shows a new stream when srcObject changes, and none for null', async () => {
    stream = await openCamera({ preset: 'vga' });
    const element = await render();
    let playing = nextEvent(element, 'pl-video-playing');
    element.srcObject = stream;
    await playing;
    expect(element.video.videoWidth).toBe(640);

    // The one fake camera can scale down for a second stream, not up.
    const second = await openCamera({ preset: 'qvga' });
    playing = nextEvent(element, 'pl-video-playing');
    element.srcObject = second;
    await playing;
    expect(element.video.srcObject).toBe(second);
    expect(element.video.videoWidth).toBe(320);
    stopStream(second);

    element.srcObject = null;
    await element.updateComplete;
    expect(element.video.srcObject).toBeNull();
  });

  it('renders a video with autoplay and playsinline', async () => {
    const { video } = await render();
    expect(video.autoplay).toBe(true);
    expect(video.hasAttribute('playsinline')).toBe(true);
  });

  it('mutes the inner video through its property, also when changed later', async () => {
    const element = await render((video) => video.setAttribute('muted', ''));
    expect(element.video.muted).toBe(true);
    expect(element.video.hasAttribute('muted')).toBe(true);

    element.muted = false;
    await element.updateComplete;
    expect(element.video.muted).toBe(false);
    expect(element.video.hasAttribute('muted')).toBe(false);

    element.muted = true;
    await element.updateComplete;
    expect(element.video.muted).toBe(true);
  });

  it('leaves remote videos unmuted', async () => {
    const { video } = await render();
    expect(video.muted).toBe(false);
  });

  it('mirrors the picture only when mirrored', async () => {
    const element = await render();
    expect(getComputedStyle(element.video).transform).toBe('none');

    element.mirrored = true;
    await element.updateComplete;
    expect(element.hasAttribute('mirrored')).toBe(true);
    expect(getComputedStyle(element.video).transform).toBe('matrix(-1, 0, 0, 1, 0, 0)');
  });

  it('shows the label as a caption', async () => {
    const element = await render((video) => (video.label = 'Ada'));
    expect(element.shadowRoot!.querySelector('[part="label"]')?.textContent).toBe('Ada');

    element.label = '';
    await element.updateComplete;
    expect(element.shadowRoot!.querySelector('[part="label"]')).toBeNull();
  });

  it('shows no play button while autoplay works', async () => {
    stream = await openCamera({ preset: 'qvga', audio: true });
    const element = await render();
    const playing = nextEvent(element, 'pl-video-playing');
    element.srcObject = stream;
    await playing;
    expect(element.shadowRoot!.querySelector('[part="play-button"]')).toBeNull();
  });

  it('explains that the video exists only after the first render', () => {
    expect(() => document.createElement('pl-video').video).toThrow(/updateComplete/);
  });
});
