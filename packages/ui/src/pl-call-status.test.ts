import { afterEach, describe, expect, it } from 'vitest';
import './pl-call-status.ts';
import type { CallState, PlCallStatus } from './pl-call-status.ts';

afterEach(() => document.body.replaceChildren());

async function render(state: CallState, detail = ''): Promise<PlCallStatus> {
  const status = document.createElement('pl-call-status');
  status.state = state;
  status.detail = detail;
  document.body.append(status);
  await status.updateComplete;
  return status;
}

/** What a screen reader reads: the text of the element's shadow root. */
const textOf = (status: PlCallStatus) =>
  status.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();

const dotColour = (status: PlCallStatus) =>
  getComputedStyle(status.shadowRoot!.querySelector('[part="dot"]')!).backgroundColor;

describe('<pl-call-status>', () => {
  it.each<[CallState, string]>([
    ['idle', 'Not in a call.'],
    ['joining', 'Joining the room…'],
    ['waiting', 'Waiting for someone to join…'],
    ['new', 'Getting ready to connect…'],
    ['connecting', 'Connecting…'],
    ['connected', 'Connected.'],
    ['disconnected', 'Connection interrupted, waiting for it to come back…'],
    ['failed', 'The connection failed.'],
    ['closed', 'The call has ended.'],
    ['reconnecting', 'Reconnecting…'],
  ])('says what %s means', async (state, sentence) => {
    const status = await render(state);
    expect(textOf(status)).toBe(sentence);
    expect(status.getAttribute('state')).toBe(state);
  });

  it('adds the detail text', async () => {
    const status = await render('connected', 'with Ada');
    expect(textOf(status)).toBe('Connected. with Ada');
  });

  it('is a polite live region', async () => {
    const status = await render('idle');
    expect(status.getAttribute('role')).toBe('status');
    expect(status.getAttribute('aria-live')).toBe('polite');
  });

  it('updates when the state changes', async () => {
    const status = await render('connecting');
    status.state = 'connected';
    await status.updateComplete;
    expect(textOf(status)).toBe('Connected.');
  });

  it('colours the dot by state', async () => {
    const connected = dotColour(await render('connected'));
    const failed = dotColour(await render('failed'));
    const waiting = dotColour(await render('waiting'));
    expect(connected).toBe('rgb(26, 127, 55)');
    expect(failed).toBe('rgb(207, 34, 46)');
    expect(new Set([connected, failed, waiting]).size).toBe(3);
  });
});
