import { describeMediaError } from '@peerlab/capture';
import { PeerError } from '@peerlab/peer';
import { SignalingError } from '@peerlab/signaling';
import { TransferError } from '@peerlab/transfer';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './pl-error.ts';
import type { PlError } from './pl-error.ts';
import { nextEvent } from './test-support/next-event.ts';

afterEach(() => document.body.replaceChildren());

async function render(error: unknown): Promise<PlError> {
  const element = document.createElement('pl-error');
  element.error = error;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const part = (element: PlError, name: string) =>
  element.shadowRoot!.querySelector(`[part="${name}"]`)?.textContent?.trim();

describe('<pl-error>', () => {
  it('renders nothing without an error', async () => {
    const element = await render(null);
    expect(element.shadowRoot!.children).toHaveLength(0);
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('explains a NotAllowedError in an alert', async () => {
    const error = new DOMException('Permission denied', 'NotAllowedError');
    const { title, message, fix } = describeMediaError(error);
    const element = await render(error);

    const alert = page.getByRole('alert');
    await expect.element(alert).toHaveTextContent(title);
    await expect.element(alert).toHaveTextContent(message);
    await expect.element(alert).toHaveTextContent(fix);
    expect(part(element, 'title')).toBe('Camera or microphone permission denied');
  });

  it('clears the error and fires pl-error-dismiss when dismissed', async () => {
    const element = await render(new DOMException('Permission denied', 'NotAllowedError'));
    const dismissed = nextEvent(document.body, 'pl-error-dismiss');

    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));

    await dismissed;
    expect(element.error).toBeNull();
    await expect.element(page.getByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a ready-made description as it is', async () => {
    const element = await render({
      title: 'The room is full',
      message: 'This room already has two people in it.',
      fix: 'Pick another room name.',
    });
    expect(part(element, 'title')).toBe('The room is full');
    expect(part(element, 'message')).toBe('This room already has two people in it.');
    expect(part(element, 'fix')).toBe('Fix: Pick another room name.');
  });

  it('keeps the message of an error it does not know, and blames no device for it', async () => {
    const element = await render(new Error('Signalling server unreachable'));
    expect(part(element, 'title')).toBe('Something went wrong');
    expect(part(element, 'message')).toBe('Signalling server unreachable');
  });

  it('explains a signaling refusal in the words of its code', async () => {
    const element = await render(
      new SignalingError({ code: 'rate-limited', message: 'Too many messages: 101 in 1 s.' }),
    );
    expect(part(element, 'title')).toBe('Too many messages too fast');
    expect(part(element, 'message')).toBe('Too many messages: 101 in 1 s.');
    expect(part(element, 'fix')).toMatch(/^Fix: Slow down/);
  });

  it('explains a failed call with one peer as that, not as a camera problem', async () => {
    const element = await render(new PeerError('bad-description', 'Failed to parse SDP.'));
    expect(part(element, 'title')).toBe(
      'The other peer sent a call set-up this browser cannot use',
    );
    expect(part(element, 'message')).toBe('Failed to parse SDP.');
    expect(part(element, 'fix')).toContain('everyone else stays connected');
  });

  it('explains a transfer error in the words of its code, with the numbers behind it', async () => {
    const error = new TransferError(
      'not-enough-space',
      'Not enough space: these files need 10.0 MiB (10485760 bytes) and this site may use only 1.00 MiB more. Nothing was written.',
      { needed: 10_485_760, available: 1_048_576 },
    );
    const element = await render(error);
    expect(part(element, 'title')).toBe('Not enough space');
    expect(part(element, 'message')).toContain('need 10.0 MiB');
    expect(part(element, 'fix')).toMatch(/^Fix: Free some disk space/);
  });

  it('shows a new error after one was dismissed', async () => {
    const element = await render({ title: 'First', message: 'm', fix: 'f' });
    await userEvent.click(page.getByRole('button', { name: 'Dismiss' }));
    element.error = { title: 'Second', message: 'm', fix: 'f' };
    await element.updateComplete;
    expect(part(element, 'title')).toBe('Second');
  });
});
