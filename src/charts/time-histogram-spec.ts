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
