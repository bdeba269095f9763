import { nice, ticks as tickValues } from 'd3-array';

/*
 * The dashboard's axes. The round numbers of a count axis (steps of 1, 2 or 5 × 10ⁿ, and an end
 * that is one of them) are d3-array's `nice` and `ticks`, the algorithm under d3-scale's linear
 * scale, at 1.2 kB of the bundle; d3-scale's own linear scale would add 10.9 kB (it brings
 * interpolation, colours and number formats the dashboard does not use) and d3-shape's line 3.3 kB,
 * over the widget's 30 kB (docs/widgets.md "The dashboard"). The bands and the line are a few lines
 * here.
 */

/** A count axis from 0 to a round number at least `max`, drawn from `bottom` up to `top` (pixels). */
export function countAxis(max: number, bottom: number, top: number, ticks = 4) {
  const [, end] = nice(0, Math.max(max, 1), ticks);
  return {
    at: (n: number) => bottom - ((bottom - top) * n) / end,
    // Whole numbers only: a count of 0.5 means nothing.
    ticks: tickValues(0, end, ticks).filter(Number.isInteger),
  };
}

/**
 * Equal bands for `count` columns between `left` and `right`: each column `width` wide, a quarter
 * of a `step` between columns and a tenth of one at each end.
 */
export function bands(count: number, left: number, right: number) {
  const step = (right - left) / (count - 0.25 + 0.2);
  return { at: (index: number) => left + step * (0.1 + index), width: step * 0.75, step };
}

/** An SVG path through the points, broken where a value is missing (withheld). */
export function path(points: [number, number | null][]): string {
  let d = '';
  let pen = 'M';
  for (const [x, y] of points) {
    if (y === null) {
      pen = 'M';
    } else {
      d += `${pen}${x.toFixed(1)} ${y.toFixed(1)}`;
      pen = 'L';
    }
  }
  return d;
}

/** A bar's length in percent of the longest (`max`). */
export const share = (n: number, max: number): number => (max > 0 ? (n / max) * 100 : 0);
