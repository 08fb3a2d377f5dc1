/**
 * Emerging hot spot analysis: how each cell's hot or cold spot status has changed over time.
 *
 * What it does, in three steps, on a cube of counts (one Float64Array per time slice, all in the same cell
 * order):
 * 1. Gi* per slice (binary, self-inclusive spatial neighbours; see `getisOrdGiStar`), with the
 *    Benjamini-Hochberg FDR adjustment within each slice when `fdr` is on. A bin (cell, slice) is a
 *    significant hot spot when z > 0 and its q (or p) ≤ `alpha`, a significant cold spot when z < 0 and
 *    q (or p) ≤ `alpha`.
 * 2. The Mann-Kendall trend test on each cell's series of Gi* z-scores (the cube's z values, as ArcGIS
 *    does), giving τ, S, z and a two-sided p; the trend is significant when p ≤ `trendAlpha`, increasing
 *    when its z > 0 and decreasing when its z < 0.
 * 3. A pattern per cell, after the ArcGIS Pro definitions ("How Emerging Hot Spot Analysis works").
 *
 * The rules, exactly as implemented. Let T be the number of slices, H the number of significant hot bins
 * of the cell and C the number of significant cold bins; "90%" means H ≥ 0.9·T (so with T < 10 it means
 * every slice). Evaluated in this order:
 *
 * If the final slice is a significant hot spot:
 * - Intensifying hot spot (code 3): H ≥ 0.9·T and the trend is significant and increasing.
 * - Diminishing hot spot (5): H ≥ 0.9·T and the trend is significant and decreasing.
 * - Persistent hot spot (4): H ≥ 0.9·T and no significant trend.
 * - Oscillating hot spot (7): H < 0.9·T and at least one earlier slice is a significant cold spot.
 * - New hot spot (1): no earlier slice is a significant hot (or cold) spot: the final slice is the first.
 * - Consecutive hot spot (2): the hot slices form one uninterrupted run of at least 2 slices ending at the
 *   final slice, nothing hot before the run, H < 0.9·T, no cold slices.
 * - Sporadic hot spot (6): otherwise (H < 0.9·T, hot before the final run with gaps between, no cold).
 * If the final slice is a significant cold spot: the same seven rules with hot and cold swapped and the
 * trend direction reversed (intensifying cold = z-scores significantly decreasing, code −3; diminishing
 * cold = significantly increasing, −5), codes −1..−7.
 * If the final slice is neither:
 * - Historical hot spot (8): H ≥ 0.9·T.   Historical cold spot (−8): C ≥ 0.9·T.
 * - No pattern detected (0): everything else.
 *
 * Choices where the ArcGIS text leaves room, stated so results can be compared:
 * - Persistent requires the final slice to be hot, so persistent and historical never overlap (ArcGIS's
 *   historical = "most recent time period is not hot, but ≥ 90% hot").
 * - A cell that is hot only in the final slice but was cold earlier is oscillating, not new ("new" means
 *   no significant history at all); sporadic and consecutive likewise require no cold history.
 * - The status of the final slice decides between the hot and the cold family: a cell that was hot in
 *   ≥ 90% of slices but is cold in the final one is an oscillating cold spot.
 * - Gi* is computed per slice with spatial neighbours only; ArcGIS's space-time Gi* also pools
 *   `neighborhood time step` earlier slices. Bins are significant at `alpha` (default 0.05, the project's
 *   FDR level); ArcGIS counts any bin at 90% confidence or more, which corresponds to `alpha: 0.1`.
 *
 * How to read it: the pattern summarises the cell's history; the trend columns say whether clustering
 * intensity has been rising or falling; the per-slice z-scores (`zBySlice`) show the full story.
 *
 * Options (defaults): `fdr` true, `alpha` 0.05, `trendAlpha` 0.05, `validate` true.
 *
 * References: ArcGIS Pro, "How Emerging Hot Spot Analysis works" (Space Time Pattern Mining toolbox);
 * Getis & Ord 1992; Ord & Getis 1995; Benjamini & Hochberg 1995; Mann 1945; Kendall 1975.
 */

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { benjaminiHochberg } from './benjamini-hochberg';
import { EMERGING_PATTERN_LABELS, type EmergingPattern, emergingPatternLabel } from './emerging-patterns';
import { getisOrdGiStar, type SpatialNeighbors, validateSpatialNeighbors } from './getis-ord-gi-star';
import { type MannKendallResult, mannKendall } from './mann-kendall';

export { EMERGING_PATTERN_LABELS, type EmergingPattern, emergingPatternLabel };

/** Options of {@link emergingHotSpots} and {@link classifyEmergingPattern}. */
export interface EmergingHotSpotsOptions {
  /** Adjust each slice's Gi* p-values with Benjamini-Hochberg before testing bins. Default true. */
  readonly fdr?: boolean;
  /** A bin is significant when its q (or p) ≤ alpha. Default 0.05 (use 0.1 for ArcGIS's 90% rule). */
  readonly alpha?: number;
  /** The Mann-Kendall trend is significant when its p ≤ trendAlpha. Default 0.05. */
  readonly trendAlpha?: number;
  /** Validate the neighbour lists once (self-inclusive, no duplicates). Default true. */
  readonly validate?: boolean;
}

/** Result of {@link emergingHotSpots}; per-cell columns have one entry per cell. */
export interface EmergingHotSpotsResult {
  /** Pattern code per cell (see {@link EMERGING_PATTERN_LABELS}). */
  readonly pattern: Int8Array;
  /** Pattern label per cell. */
  readonly label: readonly string[];
  /** Mann-Kendall τ of each cell's z series (NaN when the series is constant). */
  readonly trendTau: Float64Array;
  /** Mann-Kendall S of each cell's z series. */
  readonly trendS: Float64Array;
  /** Mann-Kendall z (continuity-corrected) of each cell's z series. */
  readonly trendZ: Float64Array;
  /** Two-sided Mann-Kendall p-value of each cell's z series. */
  readonly trendP: Float64Array;
  /** Number of significant hot bins per cell. */
  readonly hotCount: Int32Array;
  /** Number of significant cold bins per cell. */
  readonly coldCount: Int32Array;
  /** Gi* z-score per slice (one Float64Array per slice, cell order): the cube. */
  readonly zBySlice: readonly Float64Array[];
  /** Significance value per slice (q when `fdr`, else p). */
  readonly significanceBySlice: readonly Float64Array[];
  /** Bin status per slice: +1 significant hot, −1 significant cold, 0 neither. */
  readonly statusBySlice: readonly Int8Array[];
}

/** A trend summary used by {@link classifyEmergingPattern}. */
export interface TrendSummary {
  /** Trend z (sign gives the direction). */
  readonly z: number;
  /** Trend two-sided p-value. */
  readonly p: number;
}

function checkAlpha(name: string, value: number): void {
  if (!(value > 0 && value < 1)) throw new RangeError(`${name} must be in (0, 1), got ${value}.`);
}

/**
 * The emerging pattern of one cell from its bin statuses and trend, by the rules in the module header.
 *
 * @param status per slice, in time order: +1 significant hot, −1 significant cold, 0 neither
 * @param trend the Mann-Kendall z and p of the cell's z series
 * @param trendAlpha significance level of the trend; default 0.05
 */
export function classifyEmergingPattern(
  status: ArrayLike<number>,
  trend: TrendSummary,
  trendAlpha = 0.05,
): EmergingPattern {
  const t = status.length;
  if (t < 1) throw new RangeError('status needs at least one slice.');
  let hot = 0;
  let cold = 0;
  for (let i = 0; i < t; i++) {
    const v = status[i];
    if (v === 1) hot++;
    else if (v === -1) cold++;
    else if (v !== 0) throw new RangeError(`status[${i}] must be -1, 0 or 1, got ${v}.`);
  }
  const last = status[t - 1] as number;
  const mostly = (k: number): boolean => k >= 0.9 * t;
  if (last === 0) {
    if (mostly(hot)) return 8;
    if (mostly(cold)) return -8;
    return 0;
  }
  const sign = last as 1 | -1;
  const same = sign === 1 ? hot : cold;
  const other = sign === 1 ? cold : hot;
  const trendSignificant = trend.p <= trendAlpha && trend.z !== 0;
  // Trend direction towards "more extreme" in this family: up for hot, down for cold.
  const intensifying = trendSignificant && Math.sign(trend.z) === sign;
  let code: number;
  if (mostly(same)) {
    code = !trendSignificant ? 4 : intensifying ? 3 : 5;
  } else if (other > 0) {
    code = 7;
  } else if (same === 1) {
    code = 1;
  } else {
    let run = 0;
    for (let i = t - 1; i >= 0 && status[i] === sign; i--) run++;
    code = run === same ? 2 : 6;
  }
  return (sign * code) as EmergingPattern;
}

/**
 * The emerging pattern of one cell from its series of Gi* z-scores alone, with bins judged by their raw
 * two-sided p-values (no FDR, which needs every cell of a slice). Useful to explain or check one cell.
 *
 * @param z the cell's Gi* z-scores in time order (at least 2)
 * @param options `alpha` (default 0.05) and `trendAlpha` (default 0.05); `fdr` and `validate` are ignored
 * @returns the pattern code, the bin statuses and the Mann-Kendall trend of the series
 */
export function emergingPatternFromZ(
  z: ArrayLike<number>,
  options: EmergingHotSpotsOptions = {},
): { pattern: EmergingPattern; status: Int8Array; trend: MannKendallResult } {
  const alpha = options.alpha ?? 0.05;
  const trendAlpha = options.trendAlpha ?? 0.05;
  checkAlpha('alpha', alpha);
  checkAlpha('trendAlpha', trendAlpha);
  const trend = mannKendall(z);
  const status = new Int8Array(z.length);
  for (let s = 0; s < z.length; s++) {
    const zs = z[s] as number;
    if (2 * normalCdf(-Math.abs(zs), 0, 1) <= alpha) status[s] = zs > 0 ? 1 : zs < 0 ? -1 : 0;
  }
  return { pattern: classifyEmergingPattern(status, trend, trendAlpha), status, trend };
}

/**
 * Emerging hot spot analysis over a cube of counts: Gi* per slice, Mann-Kendall trend of each cell's
 * z-scores, and the ArcGIS pattern of each cell.
 *
 * @param countsBySlice one Float64Array per time slice (time order), each with one value per cell
 * @param neighbors CSR spatial neighbour lists over the cells, self-inclusive
 * @param options see {@link EmergingHotSpotsOptions}
 * @see ArcGIS Pro "How Emerging Hot Spot Analysis works"; Getis & Ord 1992; Mann 1945; Kendall 1975
 */
export function emergingHotSpots(
  countsBySlice: readonly Float64Array[],
  neighbors: SpatialNeighbors,
  options: EmergingHotSpotsOptions = {},
): EmergingHotSpotsResult {
  const fdr = options.fdr ?? true;
  const alpha = options.alpha ?? 0.05;
  const trendAlpha = options.trendAlpha ?? 0.05;
  checkAlpha('alpha', alpha);
  checkAlpha('trendAlpha', trendAlpha);
  if (!Array.isArray(countsBySlice)) throw new TypeError('countsBySlice must be an array of Float64Arrays.');
  const slices = countsBySlice.length;
  if (slices < 2) throw new RangeError(`Emerging hot spots need at least 2 time slices, got ${slices}.`);
  const first = countsBySlice[0];
  if (!(first instanceof Float64Array)) throw new TypeError('countsBySlice[0] must be a Float64Array.');
  const n = first.length;
  countsBySlice.forEach((slice, s) => {
    if (!(slice instanceof Float64Array)) throw new TypeError(`countsBySlice[${s}] must be a Float64Array.`);
    if (slice.length !== n) {
      throw new RangeError(`countsBySlice[${s}] has ${slice.length} cells, expected ${n}.`);
    }
  });
  if (options.validate !== false) validateSpatialNeighbors(neighbors, n, true);

  const zBySlice: Float64Array[] = [];
  const significanceBySlice: Float64Array[] = [];
  const statusBySlice: Int8Array[] = [];
  for (const counts of countsBySlice) {
    const gi = getisOrdGiStar(counts, neighbors, { validate: false });
    const sig = fdr ? benjaminiHochberg(gi.p) : gi.p;
    const status = new Int8Array(n);
    for (let i = 0; i < n; i++) {
      const zi = gi.z[i] as number;
      if ((sig[i] as number) <= alpha) status[i] = zi > 0 ? 1 : zi < 0 ? -1 : 0;
    }
    zBySlice.push(gi.z);
    significanceBySlice.push(sig);
    statusBySlice.push(status);
  }

  const pattern = new Int8Array(n);
  const label: string[] = new Array<string>(n);
  const trendTau = new Float64Array(n);
  const trendS = new Float64Array(n);
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n);
  const hotCount = new Int32Array(n);
  const coldCount = new Int32Array(n);
  const series = new Float64Array(slices);
  const status = new Int8Array(slices);
  for (let i = 0; i < n; i++) {
    let hot = 0;
    let cold = 0;
    for (let s = 0; s < slices; s++) {
      series[s] = (zBySlice[s] as Float64Array)[i] as number;
      const st = (statusBySlice[s] as Int8Array)[i] as number;
      status[s] = st;
      if (st === 1) hot++;
      else if (st === -1) cold++;
    }
    const mk = mannKendall(series);
    const code = classifyEmergingPattern(status, mk, trendAlpha);
    pattern[i] = code;
    label[i] = EMERGING_PATTERN_LABELS[code];
    trendTau[i] = mk.tau;
    trendS[i] = mk.s;
    trendZ[i] = mk.z;
    trendP[i] = mk.p;
    hotCount[i] = hot;
    coldCount[i] = cold;
  }
  return {
    pattern,
    label,
    trendTau,
    trendS,
    trendZ,
    trendP,
    hotCount,
    coldCount,
    zBySlice,
    significanceBySlice,
    statusBySlice,
  };
}
