export const MIN_COLUMNS = 40;
export const MAX_COLUMNS = 240;

/**
 * Height ÷ width of one character cell. Monospace glyphs are about 0.6 em wide; with a line
 * height of 1.2 em a cell is twice as tall as it is wide (the page's CSS sets exactly that).
 */
export const CELL_ASPECT = 2;

/**
 * How many rows `columns` characters need to keep the video's shape: the video's aspect ratio,
 * corrected for cells that are taller than they are wide. 160 columns of 640 × 480 → 60 rows.
 */
export function gridSize(
  columns: number,
  videoWidth: number,
  videoHeight: number,
): { columns: number; rows: number } {
  const whole = Math.round(columns);
  if (!(whole >= MIN_COLUMNS && whole <= MAX_COLUMNS)) {
    throw new RangeError(`Columns go from ${MIN_COLUMNS} to ${MAX_COLUMNS}, not ${columns}.`);
  }
  if (!(videoWidth > 0 && videoHeight > 0)) {
    throw new RangeError(`The video has no size yet (${videoWidth} × ${videoHeight}).`);
  }
  const rows = Math.max(1, Math.round((whole * videoHeight) / videoWidth / CELL_ASPECT));
  return { columns: whole, rows };
}
