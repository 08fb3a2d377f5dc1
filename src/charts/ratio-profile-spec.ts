/**
 * Geometry of the ratio charts (event-study profile, cohort estimates): ratios on a log axis with a line at
 * 1 (no change), points with 95% interval whiskers. Pure: numbers in, pixel positions out.
 */

/** One point of a ratio chart. */
export interface RatioPoint {
  label: string;
  estimate: number;
  lower: number;
  upper: number;
  /** A reference point drawn at 1 without interval. */
  reference?: boolean;
}

/** Positions of a ratio chart. */
export interface RatioChartSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  /** Pixel y of a ratio. */
  y(ratio: number): number;
  points: { x: number; y: number; yLower: number; yUpper: number; label: string; reference: boolean }[];
  ticks: { ratio: number; y: number }[];
}

/** Lays out ratio points left to right on a log-ratio axis that covers every interval and 1. */
export function ratioChartSpec(points: readonly RatioPoint[], width: number, height: number): RatioChartSpec {
  const plot = { left: 38, right: width - 8, top: 8, bottom: height - 22 };
  const finite = points
    .flatMap((p) => [p.lower, p.upper, p.estimate])
    .filter((v) => Number.isFinite(v) && v > 0);
  let lo = Math.log(Math.min(1, ...finite));
  let hi = Math.log(Math.max(1, ...finite));
  if (hi - lo < 0.2) {
    lo -= 0.1;
    hi += 0.1;
  }
  const pad = 0.05 * (hi - lo);
  lo -= pad;
  hi += pad;
  const y = (ratio: number) => plot.bottom - ((Math.log(ratio) - lo) / (hi - lo)) * (plot.bottom - plot.top);
  const step = (plot.right - plot.left) / Math.max(points.length, 1);
  const candidates = [0.25, 0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2, 4];
  const inRange = candidates.filter((r) => Math.log(r) >= lo && Math.log(r) <= hi);
  const ticks = (
    inRange.length > 5 ? inRange.filter((r) => [0.25, 0.5, 0.7, 1, 1.5, 2, 4].includes(r)) : inRange
  ).map((ratio) => ({ ratio, y: y(ratio) }));
  return {
    width,
    height,
    plot,
    y,
    ticks,
    points: points.map((p, i) => ({
      x: plot.left + step * (i + 0.5),
      y: y(p.reference ? 1 : p.estimate),
      yLower: y(p.reference ? 1 : Math.max(p.lower, Math.exp(lo))),
      yUpper: y(p.reference ? 1 : Math.min(p.upper, Math.exp(hi))),
      label: p.label,
      reference: p.reference === true,
    })),
  };
}

/** Geometry of a series chart with a band (treated vs synthetic, placebo band around the synthetic). */
export interface BandChartSpec {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  treatedPath: string;
  syntheticPath: string;
  bandPath: string | null;
  launchX: number;
  yMin: number;
  yMax: number;
}

/** Lays out two series and an optional band (synthetic + placebo gap range) over periods. */
export function bandChartSpec(
  treated: ArrayLike<number>,
  synthetic: ArrayLike<number>,
  band: { lower: ArrayLike<number>; upper: ArrayLike<number> } | null,
  launchIndex: number,
  width: number,
  height: number,
): BandChartSpec {
  const plot = { left: 38, right: width - 8, top: 8, bottom: height - 22 };
  const T = treated.length;
  const values: number[] = [];
  for (let t = 0; t < T; t++) {
    values.push(treated[t] as number, synthetic[t] as number);
    if (band)
      values.push(
        (synthetic[t] as number) + (band.lower[t] as number),
        (synthetic[t] as number) + (band.upper[t] as number),
      );
  }
  const finite = values.filter(Number.isFinite);
  let yMin = Math.min(...finite);
  let yMax = Math.max(...finite);
  if (yMax - yMin < 1e-9) yMax = yMin + 1;
  const pad = 0.05 * (yMax - yMin);
  yMin -= pad;
  yMax += pad;
  const x = (t: number) => plot.left + (T <= 1 ? 0 : (t / (T - 1)) * (plot.right - plot.left));
  const y = (v: number) => plot.bottom - ((v - yMin) / (yMax - yMin)) * (plot.bottom - plot.top);
  const path = (f: (t: number) => number) =>
    Array.from(
      { length: T },
      (_, t) => `${t === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y(f(t)).toFixed(1)}`,
    ).join('');
  let bandPath: string | null = null;
  if (band) {
    const top = Array.from(
      { length: T },
      (_, t) =>
        `${t === 0 ? 'M' : 'L'}${x(t).toFixed(1)},${y((synthetic[t] as number) + (band.upper[t] as number)).toFixed(1)}`,
    );
    const bottom = Array.from({ length: T }, (_, k) => {
      const t = T - 1 - k;
      return `L${x(t).toFixed(1)},${y((synthetic[t] as number) + (band.lower[t] as number)).toFixed(1)}`;
    });
    bandPath = `${top.join('')}${bottom.join('')}Z`;
  }
  return {
    width,
    height,
    plot,
    treatedPath: path((t) => treated[t] as number),
    syntheticPath: path((t) => synthetic[t] as number),
    bandPath,
    launchX: x(launchIndex - 0.5),
    yMin,
    yMax,
  };
}
