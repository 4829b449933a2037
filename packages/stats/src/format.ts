/**
 * Puts a sample into words for a graph: `1.25 Mbit/s`, `640 px`, `19.5 fps`, `–` for none.
 * Bitrates switch to kbit/s and Mbit/s as they grow; other values keep one decimal below 100.
 */
export function formatValue(value: number | null | undefined, unit: string): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  if (unit === 'bit/s') {
    if (Math.abs(value) >= 1e6) return `${Number((value / 1e6).toFixed(2))} Mbit/s`;
    if (Math.abs(value) >= 1e3) return `${Math.round(value / 1e3)} kbit/s`;
  }
  const digits = Math.abs(value) >= 100 ? 0 : unit === 's' ? 3 : 1;
  const text = String(Number(value.toFixed(digits))); // 64.0 reads 64
  return unit ? `${text} ${unit}` : text;
}

/**
 * A round top for a y-axis at or above `value`: 1, 2, 2.5 or 5 times a power of ten (so
 * 730 kbit/s gets an axis up to 1 Mbit/s, and 21 fps one up to 25). 1 when there is nothing
 * above zero.
 */
export function niceMax(value: number): number {
  if (!(value > 0) || !Number.isFinite(value)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((factor) => factor * power >= value)!;
  return step * power;
}
