import type { Locator } from '@playwright/test';

/**
 * Starts recording the highest value the `<meter>` (or `<progress>`) at `element` takes from now
 * on: every change, not only those a poll happens to land on. The level of Chromium's fake
 * microphone, which beeps twice a second, is 0 most of the time: poll its peak, not the meter.
 *
 * @returns a function that reads the peak so far.
 */
export async function watchPeak(element: Locator): Promise<() => Promise<number>> {
  const peak = await element.evaluateHandle((meter: HTMLMeterElement) => {
    const peak = { value: meter.value };
    // Setting `meter.value` sets its `value` attribute too: each change is a mutation.
    new MutationObserver(() => (peak.value = Math.max(peak.value, meter.value))).observe(meter, {
      attributeFilter: ['value'],
    });
    return peak;
  });
  return () => peak.evaluate(({ value }) => value);
}
