import { describe, expect, it } from 'vitest';
import { gridSize } from './grid-size.ts';

describe('gridSize', () => {
  it('keeps the video shape with cells twice as tall as wide', () => {
    expect(gridSize(160, 640, 480)).toEqual({ columns: 160, rows: 60 });
    expect(gridSize(40, 640, 480)).toEqual({ columns: 40, rows: 15 });
    expect(gridSize(240, 640, 480)).toEqual({ columns: 240, rows: 90 });
    expect(gridSize(160, 1280, 720)).toEqual({ columns: 160, rows: 45 });
    expect(gridSize(100, 640, 480)).toEqual({ columns: 100, rows: 38 });
  });

  it('rounds columns to a whole number', () => {
    expect(gridSize(80.4, 640, 480)).toEqual({ columns: 80, rows: 30 });
  });

  it('refuses columns out of range and videos without a size', () => {
    expect(() => gridSize(39, 640, 480)).toThrow(/from 40 to 240/);
    expect(() => gridSize(241, 640, 480)).toThrow(/from 40 to 240/);
    expect(() => gridSize(Number.NaN, 640, 480)).toThrow(/from 40 to 240/);
    expect(() => gridSize(80, 0, 0)).toThrow(/no size yet/);
  });
});
