/**
 * Geometry of the monthly time histogram: bars, year ticks and the mapping between pixels and months.
 * Pure, so the brush arithmetic is tested without a browser.
 */

/** Layout of the histogram for given data and size. */
export interface TimeHistogramSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  barWidth: number;
  /** Largest monthly total (y domain maximum). */
  max: number;
  bars: { month: number; x: number; total: number; fatal: number; yTotal: number; yFatal: number }[];
  yearTicks: { x: number; label: string }[];
}

/** Builds the histogram layout. `firstMonth` is `YYYY-MM-01` of month 0. */
export function timeHistogramSpec(
  totals: ArrayLike<number>,
  fatal: ArrayLike<number>,
  firstMonth: string,
  width: number,
  height: number,
): TimeHistogramSpec {
  const plot = { left: 44, right: width - 8, top: 8, bottom: height - 20 };
  const n = Math.max(1, totals.length);
  const barWidth = (plot.right - plot.left) / n;
  let max = 0;
  for (let i = 0; i < totals.length; i++) max = Math.max(max, totals[i]!);
  const y = (v: number) => plot.bottom - (max > 0 ? (v / max) * (plot.bottom - plot.top) : 0);
  const bars = Array.from({ length: totals.length }, (_, month) => ({
    month,
    x: plot.left + month * barWidth,
    total: totals[month]!,
    fatal: fatal[month]!,
    yTotal: y(totals[month]!),
    yFatal: y(fatal[month]!),
  }));
  const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
  const yearTicks: TimeHistogramSpec['yearTicks'] = [];
  for (let month = 0; month < totals.length; month++) {
    const calendar = m0 - 1 + month;
    if (calendar % 12 === 0 || month === 0) {
      yearTicks.push({ x: plot.left + month * barWidth, label: String(y0 + Math.floor(calendar / 12)) });
    }
  }
  const step = Math.ceil(yearTicks.length / Math.max(1, Math.floor((plot.right - plot.left) / 40)));
  return { width, height, plot, barWidth, max, bars, yearTicks: yearTicks.filter((_, i) => i % step === 0) };
}

/** The month under an x pixel, clamped to the data. */
export function monthAtX(spec: TimeHistogramSpec, x: number): number {
  const m = Math.floor((x - spec.plot.left) / spec.barWidth);
  return Math.max(0, Math.min(spec.bars.length - 1, m));
}

/** Keys the brush answers to (see {@link brushAfterKey}). */
export type BrushKey = 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End' | 'Escape';

/** Length in months of the brush a first arrow key creates (the last year of the series). */
export const KEYBOARD_BRUSH_MONTHS = 12;

/**
 * The brush after a key press, for `months` months (the keyboard twin of dragging):
 * - ArrowLeft / ArrowRight move the brush by one month, keeping its length, stopping at the ends;
 * - with Shift they resize it: the end moves one month (never before the start);
 * - Home / End move it to the first / last months; Escape clears it (null).
 * With no brush, an arrow, Home or End first creates one over the last {@link KEYBOARD_BRUSH_MONTHS}
 * months (fewer when the series is shorter). Returns `undefined` for a key the brush ignores.
 */
export function brushAfterKey(
  brush: readonly [number, number] | null,
  key: string,
  shift: boolean,
  months: number,
): [number, number] | null | undefined {
  if (!(Number.isInteger(months) && months > 0)) throw new RangeError(`months must be ≥ 1, got ${months}`);
  if (key === 'Escape') return brush ? null : undefined;
  if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(key)) return undefined;
  const last = months - 1;
  if (!brush) return [Math.max(0, months - KEYBOARD_BRUSH_MONTHS), last];
  const [from, to] = brush;
  const length = to - from;
  if (key === 'Home') return [0, length];
  if (key === 'End') return [last - length, last];
  const step = key === 'ArrowRight' ? 1 : -1;
  if (shift) return [from, Math.max(from, Math.min(last, to + step))];
  const start = Math.max(0, Math.min(last - length, from + step));
  return [start, start + length];
}
