import type { TransferProgress } from './progress-meter.ts';

/** A byte count for people, in binary units: `980 B`, `45.1 KiB`, `1.23 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

function formatSeconds(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.ceil(seconds % 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * One line for a progress bar's label:
 * `12.0 MiB of 64.0 MiB · 25.1 MiB/s · 3 s left · resumed from 50 %`.
 */
export function describeProgress(progress: TransferProgress): string {
  const parts = [`${formatBytes(progress.done)} of ${formatBytes(progress.total)}`];
  if (progress.bytesPerSecond > 0) parts.push(`${formatBytes(progress.bytesPerSecond)}/s`);
  if (progress.secondsLeft !== undefined && progress.done < progress.total) {
    parts.push(`${formatSeconds(progress.secondsLeft)} left`);
  }
  if (progress.resumedFrom > 0) parts.push(`resumed from ${Math.floor(progress.resumedPercent)} %`);
  return parts.join(' · ');
}
