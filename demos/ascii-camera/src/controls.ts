import { describeRampProblem, type AsciiOptions } from './ascii-convert.ts';
import { isRampName, RAMPS } from './ramps.ts';

/** What the controls ask for. */
export interface Settings {
  columns: number;
  options: AsciiOptions;
  /** Why the custom ramp cannot be used (the last good ramp stays in use meanwhile). */
  rampProblem?: string;
}

/**
 * Reads the controls form now and after every change, calling `onChange` with the settings.
 * Typing in the custom ramp box picks "Custom" in the ramp list.
 */
export function watchControls(
  form: HTMLFormElement,
  onChange: (settings: Settings) => void,
): Settings {
  const input = (name: string) => form.elements.namedItem(name) as HTMLInputElement;
  const rampList = form.elements.namedItem('ramp') as HTMLSelectElement;
  let lastGoodRamp: string = RAMPS.standard;

  const read = (): Settings => {
    const custom = !isRampName(rampList.value);
    const wanted = isRampName(rampList.value) ? RAMPS[rampList.value] : input('custom-ramp').value;
    const rampProblem = describeRampProblem(wanted);
    if (!rampProblem) lastGoodRamp = wanted;
    for (const name of ['columns', 'brightness', 'contrast', 'gamma']) {
      form.querySelector(`output[for="${name}"]`)!.textContent = input(name).value;
    }
    return {
      columns: input('columns').valueAsNumber,
      options: {
        ramp: lastGoodRamp,
        brightness: input('brightness').valueAsNumber,
        contrast: input('contrast').valueAsNumber,
        gamma: input('gamma').valueAsNumber,
        invert: input('invert').checked,
        mirror: input('mirror').checked,
        color: input('color').checked,
      },
      ...(custom && rampProblem && { rampProblem }),
    };
  };

  input('custom-ramp').addEventListener('input', () => (rampList.value = 'custom'));
  form.addEventListener('input', () => onChange(read()));
  form.addEventListener('submit', (event) => event.preventDefault());
  return read();
}
