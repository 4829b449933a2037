import { listDevices, openCamera, stopStream } from '@peerlab/capture';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import './pl-device-picker.ts';
import type { DeviceChangeDetail, PlDevicePicker } from './pl-device-picker.ts';
import { nextEvent } from './test-support/next-event.ts';

beforeAll(async () => {
  // Device names are hidden until the page has been allowed to use a device.
  stopStream(await openCamera({ audio: true }));
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

async function render(kind: MediaDeviceKind, value = ''): Promise<PlDevicePicker> {
  const picker = document.createElement('pl-device-picker');
  picker.kind = kind;
  picker.value = value;
  document.body.append(picker);
  await picker.refresh();
  await picker.updateComplete;
  return picker;
}

const selectOf = (picker: PlDevicePicker) => picker.shadowRoot!.querySelector('select')!;
const optionTexts = (picker: PlDevicePicker) =>
  [...selectOf(picker).options].map((option) => option.textContent!.trim());

describe('<pl-device-picker>', () => {
  it('lists the cameras in a labelled drop-down', async () => {
    const { videoInputs } = await listDevices();
    await render('videoinput');

    const select = page.getByRole('combobox', { name: 'Camera' });
    await expect.element(select).toBeEnabled();
    expect(videoInputs.length).toBeGreaterThan(0);
    expect(optionTexts(document.querySelector('pl-device-picker')!)).toEqual(
      videoInputs.map((device) => device.label),
    );
  });

  it('lists the microphones by name', async () => {
    const picker = await render('audioinput');
    await expect.element(page.getByRole('combobox', { name: 'Microphone' })).toBeVisible();
    expect(optionTexts(picker)).toContain('Fake Audio Input 1');
    expect(optionTexts(picker)).toContain('Fake Audio Input 2');
  });

  it('selects the device given as value', async () => {
    const { audioOutputs } = await listDevices();
    const last = audioOutputs.at(-1)!;
    const picker = await render('audiooutput', last.deviceId);
    expect(selectOf(picker).value).toBe(last.deviceId);
  });

  it('fires pl-device-change with the device the user picked', async () => {
    const { audioInputs } = await listDevices();
    const target = audioInputs.at(-1)!;
    const picker = await render('audioinput');
    const change = nextEvent<CustomEvent<DeviceChangeDetail>>(document.body, 'pl-device-change');

    await userEvent.selectOptions(page.getByRole('combobox', { name: 'Microphone' }), target.label);

    expect((await change).detail).toEqual({ deviceId: target.deviceId, kind: 'audioinput' });
    expect(picker.value).toBe(target.deviceId);
  });

  it('uses the label given', async () => {
    const picker = document.createElement('pl-device-picker');
    picker.label = 'Front camera';
    document.body.append(picker);
    await expect.element(page.getByRole('combobox', { name: 'Front camera' })).toBeVisible();
  });

  describe('without devices', () => {
    // No test can unplug the fake devices, so the browser's list is emptied instead.
    const unplugEverything = () =>
      vi.spyOn(navigator.mediaDevices, 'enumerateDevices').mockResolvedValue([]);

    it('says that no camera was found', async () => {
      unplugEverything();
      const picker = await render('videoinput');
      expect(optionTexts(picker)).toEqual(['No camera found']);
      expect(selectOf(picker).disabled).toBe(true);
    });

    it('says that no microphone or speaker was found', async () => {
      unplugEverything();
      expect(optionTexts(await render('audioinput'))).toEqual(['No microphone found']);
      expect(optionTexts(await render('audiooutput'))).toEqual(['No speaker found']);
    });

    it('lists a camera once it is plugged in', async () => {
      const enumerate = unplugEverything();
      const picker = await render('videoinput');
      expect(optionTexts(picker)).toEqual(['No camera found']);

      enumerate.mockRestore();
      navigator.mediaDevices.dispatchEvent(new Event('devicechange'));

      await vi.waitFor(() => expect(selectOf(picker).disabled).toBe(false));
      expect(optionTexts(picker)).not.toContain('No camera found');
    });
  });
});
