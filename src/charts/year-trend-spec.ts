/**
 * Yearly totals of a monthly series within a month range, and the bar geometry of a small year-by-year
 * chart. A year cut by the range is marked partial (its months are counted, but it is not a whole year).
 */

/** One year of the trend. */
export interface YearTotal {
  year: number;
  total: number;
  /** Months of this year inside the range (1–12). */
  months: number;
  /**
   * A hidden count (publish mode): drawn as a hatched placeholder of full height, labelled with `text`,
   * and left out of the scale. Its `total` should be 0 so the hidden value is nowhere in the chart.
   */
  hidden?: { text: string };
}

/**
 * Sums `monthly` (index 0 = `firstMonth`, "YYYY-MM") by calendar year over months `from..to` (inclusive
 * indices). Throws RangeError on a range outside the series.
 */
export function yearlyTotals(
  monthly: ArrayLike<number>,
  firstMonth: string,
  from: number,
  to: number,
): YearTotal[] {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to >= from && to < monthly.length))
    throw new RangeError(`month range ${from}..${to} is outside the series of ${monthly.length} months`);
  const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
  const out: YearTotal[] = [];
  for (let i = from; i <= to; i++) {
    const year = y0 + Math.floor((m0 - 1 + i) / 12);
    let last = out[out.length - 1];
    if (!last || last.year !== year) {
      last = { year, total: 0, months: 0 };
      out.push(last);
    }
    last.total += monthly[i] ?? 0;
    last.months += 1;
  }
  return out;
}

/** Bars of the year chart, in pixels. */
export interface YearTrendSpec {
  width: number;
  height: number;
  max: number;
  bars: {
    year: number;
    x: number;
    y: number;
    width: number;
    height: number;
    total: number;
    partial: boolean;
    /** Label of a hidden count, or null for a shown one. */
    hidden: string | null;
  }[];
  baseline: number;
}

/** Lays out one bar per year in `width` × `height` with room for labels above and below. */
export function yearTrendSpec(years: readonly YearTotal[], width: number, height: number): YearTrendSpec {
  const top = 16;
  const bottom = height - 16;
  const max = Math.max(1, ...years.filter((y) => !y.hidden).map((y) => y.total));
  const step = width / Math.max(1, years.length);
  const barWidth = Math.max(2, step * 0.7);
  return {
    width,
    height,
    max,
    baseline: bottom,
    bars: years.map((y, i) => {
      const h = y.hidden ? bottom - top : ((bottom - top) * y.total) / max;
      return {
        year: y.year,
        x: i * step + (step - barWidth) / 2,
        y: bottom - h,
        width: barWidth,
        height: h,
        total: y.hidden ? 0 : y.total,
        partial: y.months < 12,
        hidden: y.hidden?.text ?? null,
      };
    }),
  };
}
