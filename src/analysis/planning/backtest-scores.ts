/**
 * Backtest scores of a place ranking: hit rate and the predictive accuracy index (PAI) when the top share
 * of study cells is flagged, week by week, and their spread over weeks.
 *
 * **What it measures.** For one week, a method ranks every study cell using only data from before the
 * week. Flag the top `share` of the cells (⌈share · n⌉ cells, at least 1; ties broken by the lowest cell
 * position, i.e. the lowest H3 index). The **hit rate** is the fraction of that week's incidents inside the
 * study area that fall in a flagged cell; the **PAI** is hit rate / area share, where area share is the
 * flagged cells' fraction of all study cells (cells of one H3 resolution have nearly equal areas). A PAI of
 * 1 is what flagging cells at random would give on average; 10 means the flagged tenth of a percent of the
 * city held ten times its share of incidents. Weeks with no incident in the study area have no hit rate and
 * are left out of the means (and counted).
 *
 * **Spread.** Across weeks: mean, standard deviation, quartiles, minimum and maximum of hit rate and PAI.
 * Two methods are compared on the same weeks by the mean of their weekly difference in hit rate, with a
 * normal-approximation 95 % interval (mean ± 1.96 · sd / √weeks); weeks are treated as independent, which
 * is optimistic when weekly hit rates are autocorrelated, so an interval that barely excludes 0 is weak
 * evidence.
 *
 * References: Chainey, S., Tompson, L. & Uhlig, S. (2008). The utility of hotspot mapping for predicting
 * spatial patterns of crime. Security Journal, 21, 4–28 (PAI). Mohler, G. O. et al. (2015). Randomized
 * controlled field trials of predictive policing. JASA, 110(512), 1399–1411.
 */

/** Number of cells flagged for an area share: ⌈share · cells⌉, at least 1. */
export function flaggedCellCount(share: number, cells: number): number {
  if (!(share > 0 && share <= 1)) throw new RangeError(`area share must be in (0, 1] (got ${share})`);
  if (!Number.isInteger(cells) || cells < 1)
    throw new RangeError(`cells must be an integer ≥ 1 (got ${cells})`);
  return Math.max(1, Math.ceil(share * cells - 1e-9));
}

/**
 * Cell positions ranked by score, highest first; ties by lowest position. Non-finite scores rank last.
 */
export function rankCells(score: Float64Array): Int32Array {
  const order = Int32Array.from({ length: score.length }, (_, i) => i);
  const key = (i: number) => (Number.isFinite(score[i]!) ? score[i]! : Number.NEGATIVE_INFINITY);
  order.sort((a, b) => key(b) - key(a) || a - b);
  return order;
}

/** One week's outcome for one method. */
export interface WeekHits {
  /** Incidents of the week inside the study area. */
  incidents: number;
  /** Hit rate per share (NaN when `incidents` is 0). */
  hitRate: number[];
  /** Flagged cells' fraction of all cells, per share. */
  areaShare: number[];
}

/**
 * Hit rates of one ranking for one week.
 *
 * @param score - score per study cell (higher = riskier).
 * @param incidentCells - the study-cell position of each of the week's incidents (−1: outside, ignored).
 * @param shares - area shares to flag, each in (0, 1].
 */
export function weekHits(
  score: Float64Array,
  incidentCells: Int32Array,
  shares: readonly number[],
): WeekHits {
  const n = score.length;
  const key = (i: number) => (Number.isFinite(score[i]!) ? score[i]! : Number.NEGATIVE_INFINITY);
  const counts = shares.map((s) => flaggedCellCount(s, n));
  const deepest = Math.max(...counts);
  // The rank of a cell is the number of cells ahead of it (higher score, or equal score and lower position);
  // it is counted only for the cells that had incidents, which is far cheaper than sorting every cell.
  const rankOf = new Map<number, number>();
  const hits = shares.map(() => 0);
  let incidents = 0;
  for (const c of incidentCells) {
    if (c < 0) continue;
    if (c >= n) throw new RangeError(`incident cell ${c} is outside the ${n} study cells`);
    incidents++;
    let rank = rankOf.get(c);
    if (rank === undefined) {
      const v = key(c);
      rank = 0;
      for (let j = 0; j < n && rank < deepest; j++) {
        const w = key(j);
        if (w > v || (w === v && j < c)) rank++;
      }
      rankOf.set(c, rank);
    }
    counts.forEach((count, s) => {
      if (rank! < count) hits[s]!++;
    });
  }
  return {
    incidents,
    hitRate: hits.map((h) => (incidents > 0 ? h / incidents : Number.NaN)),
    areaShare: counts.map((count) => count / n),
  };
}

/** Mean and spread of a weekly series. */
export interface Spread {
  mean: number;
  sd: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
}

/** Mean, sample standard deviation and quartiles (linear interpolation, R type 7) of the finite values. */
export function spread(values: readonly number[]): Spread {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) {
    const nan = Number.NaN;
    return { mean: nan, sd: nan, min: nan, q1: nan, median: nan, q3: nan, max: nan };
  }
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  const sd =
    v.length > 1 ? Math.sqrt(v.reduce((a, b) => a + (b - mean) ** 2, 0) / (v.length - 1)) : Number.NaN;
  const q = (p: number) => {
    const h = (v.length - 1) * p;
    const lo = Math.floor(h);
    return v[lo]! + (h - lo) * ((v[Math.min(lo + 1, v.length - 1)] ?? v[lo]!) - v[lo]!);
  };
  return { mean, sd, min: v[0]!, q1: q(0.25), median: q(0.5), q3: q(0.75), max: v[v.length - 1]! };
}

/** Summary of one method at one area share. */
export interface ShareSummary {
  share: number;
  /** Flagged cells' fraction of all cells (may exceed `share` slightly by rounding up). */
  areaShare: number;
  hitRate: Spread;
  pai: Spread;
  /** Weeks with at least one incident (the weeks averaged). */
  weeks: number;
}

/**
 * Summarises weekly hit rates of one method: mean and spread of hit rate and PAI per share.
 *
 * @param weeks - the method's weekly results, all with the same shares.
 * @param shares - the shares, in the order of `weeks[w].hitRate`.
 */
export function summarizeWeeks(weeks: readonly WeekHits[], shares: readonly number[]): ShareSummary[] {
  return shares.map((share, s) => {
    const used = weeks.filter((w) => w.incidents > 0);
    const areaShare = weeks[0]?.areaShare[s] ?? Number.NaN;
    return {
      share,
      areaShare,
      hitRate: spread(used.map((w) => w.hitRate[s]!)),
      pai: spread(used.map((w) => w.hitRate[s]! / w.areaShare[s]!)),
      weeks: used.length,
    };
  });
}

/** Paired comparison of two methods' weekly hit rates. */
export interface PairedDifference {
  /** Mean of (a − b) over weeks where both have a hit rate. */
  mean: number;
  /** Normal-approximation 95 % interval of the mean difference. */
  low: number;
  high: number;
  weeks: number;
}

/** Mean weekly difference a − b with a 95 % normal-approximation interval (weeks with NaN dropped). */
export function pairedDifference(a: readonly number[], b: readonly number[]): PairedDifference {
  if (a.length !== b.length) throw new RangeError('pairedDifference: series differ in length');
  const d: number[] = [];
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]!) && Number.isFinite(b[i]!)) d.push(a[i]! - b[i]!);
  const s = spread(d);
  const half = d.length > 1 ? (1.959963984540054 * s.sd) / Math.sqrt(d.length) : Number.NaN;
  return { mean: s.mean, low: s.mean - half, high: s.mean + half, weeks: d.length };
}
