/**
 * Getis-Ord Gi* local hotspot statistic with binary weights.
 *
 * What it measures: for each cell i, whether the total of x over i and its neighbours is larger (hot
 * spot) or smaller (cold spot) than expected if the values were spread over the study area at random.
 * With binary weights w_ij = 1 for j in the neighbourhood of i (i itself included) and 0 otherwise:
 *
 *   Gi*_i = (Σ_j w_ij x_j − x̄ W_i) / (S · sqrt((n Σ_j w_ij² − W_i²) / (n − 1))),   W_i = Σ_j w_ij,
 *
 * where x̄ = Σ x_j / n and S = sqrt(Σ x_j² / n − x̄²) are taken over all n cells of the study area
 * (cells with zero incidents included). Gi* is already a z-score: under the null hypothesis of no
 * spatial association it is approximately standard normal, so p = 2 · (1 − Φ(|z|)) (two-sided).
 *
 * How to read it: z > 0 with a small p marks a cluster of high values (hot spot), z < 0 a cluster of low
 * values (cold spot). Many cells are tested at once, so adjust the p-values for the false discovery rate
 * (see `benjaminiHochberg`) before calling cells hot or cold. Neighbourhoods overlap, so neighbouring
 * cells' z-scores are correlated and a hot spot usually covers several cells.
 *
 * Degenerate cases (a choice, documented here): when S = 0 (every cell has the same value) or a cell's
 * neighbourhood covers the whole study area (n·W_i − W_i² = 0), the statistic is 0/0; this module then
 * returns z = 0 and p = 1 ("no evidence of clustering") instead of NaN, so downstream FDR and classes
 * stay defined. R `spdep::localG` returns NaN in those cases.
 *
 * Reference tool: R `spdep::localG(x, nb2listw(include.self(nb), style = "B"))`.
 *
 * Options: `validate` (default true) checks that every neighbour list includes its own cell, has no
 * duplicates and stays in range; it never changes the numbers.
 *
 * References: Getis, A. & Ord, J. K. (1992) The analysis of spatial association by use of distance
 * statistics. Geographical Analysis 24(3), 189-206. Ord, J. K. & Getis, A. (1995) Local spatial
 * autocorrelation statistics: distributional issues and an application. Geographical Analysis 27(4),
 * 286-306.
 */

import normalCdf from '@stdlib/stats-base-dists-normal-cdf';

/**
 * Binary neighbour lists in compressed sparse row form: the neighbours of cell i are
 * `neighbors[offsets[i]] .. neighbors[offsets[i + 1] - 1]`, 0-based cell positions. For Gi* every cell must
 * list itself.
 */
export interface SpatialNeighbors {
  /** Length n + 1, non-decreasing, `offsets[0] = 0`. */
  readonly offsets: Int32Array;
  /** Neighbour positions 0..n-1, no duplicates within a cell's list. */
  readonly neighbors: Int32Array;
}

/** Options of {@link getisOrdGiStar}. */
export interface GetisOrdGiStarOptions {
  /**
   * Check that every list includes the cell itself and has no duplicates (O(number of pairs)). Default
   * true; turn off only for neighbour lists already validated.
   */
  readonly validate?: boolean;
}

/** Result of {@link getisOrdGiStar}; every column has one entry per cell. */
export interface GetisOrdGiStarResult {
  /** Gi* z-score per cell (0 in the degenerate cases described in the module header). */
  readonly z: Float64Array;
  /** Two-sided normal p-value per cell, 2 · (1 − Φ(|z|)). */
  readonly p: Float64Array;
  /** Σ_j w_ij x_j: the neighbourhood total per cell (self included). */
  readonly neighborSum: Float64Array;
  /** Number of neighbours W_i per cell (self included). */
  readonly neighborCount: Int32Array;
  /** Global mean x̄ over all cells. */
  readonly mean: number;
  /** Global spread S = sqrt(Σx²/n − x̄²) over all cells (population form). */
  readonly sd: number;
}

/** Throws when `nb` is not a valid CSR neighbour structure over n cells. */
export function validateSpatialNeighbors(nb: SpatialNeighbors, n: number, requireSelf: boolean): void {
  if (!(nb.offsets instanceof Int32Array) || !(nb.neighbors instanceof Int32Array)) {
    throw new TypeError('neighbors.offsets and neighbors.neighbors must be Int32Arrays.');
  }
  if (nb.offsets.length !== n + 1) {
    throw new RangeError(`neighbors.offsets must have length n + 1 = ${n + 1}, got ${nb.offsets.length}.`);
  }
  if (nb.offsets[0] !== 0 || nb.offsets[n] !== nb.neighbors.length) {
    throw new RangeError('neighbors.offsets must start at 0 and end at neighbors.neighbors.length.');
  }
  const stamp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const start = nb.offsets[i] as number;
    const end = nb.offsets[i + 1] as number;
    if (end < start) throw new RangeError(`neighbors.offsets must be non-decreasing (at cell ${i}).`);
    let self = false;
    for (let e = start; e < end; e++) {
      const j = nb.neighbors[e] as number;
      if (j < 0 || j >= n) throw new RangeError(`Cell ${i} has neighbour ${j}, outside 0..${n - 1}.`);
      if (stamp[j] === i) throw new RangeError(`Cell ${i} lists neighbour ${j} twice (weights are binary).`);
      stamp[j] = i;
      if (j === i) self = true;
    }
    if (requireSelf && !self) {
      throw new RangeError(`Cell ${i} does not list itself; Gi* needs self-inclusive neighbourhoods.`);
    }
  }
}

/**
 * Getis-Ord Gi* z-scores and two-sided p-values with binary, self-inclusive weights.
 *
 * @param x value per cell (e.g. incident counts), finite; zero cells must be included
 * @param neighbors CSR neighbour lists over the same cells, each including the cell itself
 * @param options see {@link GetisOrdGiStarOptions}
 * @returns z, p, neighbourhood sums and counts per cell, and the global mean and spread
 * @see Getis & Ord 1992; Ord & Getis 1995
 */
export function getisOrdGiStar(
  x: Float64Array,
  neighbors: SpatialNeighbors,
  options: GetisOrdGiStarOptions = {},
): GetisOrdGiStarResult {
  if (!(x instanceof Float64Array)) throw new TypeError('x must be a Float64Array.');
  const n = x.length;
  if (n < 2) throw new RangeError(`Gi* needs at least 2 cells, got ${n}.`);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = x[i] as number;
    if (!Number.isFinite(v)) throw new RangeError(`x[${i}] is not finite (${v}).`);
    sum += v;
    sumSq += v * v;
  }
  if (options.validate !== false) validateSpatialNeighbors(neighbors, n, true);
  const mean = sum / n;
  const variance = sumSq / n - mean * mean;
  // Rounding can leave a tiny negative or positive residue when all values are equal.
  const sd = variance > 1e-12 * Math.max(1, sumSq / n) ? Math.sqrt(variance) : 0;
  const z = new Float64Array(n);
  const p = new Float64Array(n);
  const neighborSum = new Float64Array(n);
  const neighborCount = new Int32Array(n);
  const { offsets, neighbors: nbr } = neighbors;
  for (let i = 0; i < n; i++) {
    const start = offsets[i] as number;
    const end = offsets[i + 1] as number;
    let s = 0;
    for (let e = start; e < end; e++) s += x[nbr[e] as number] as number;
    const w = end - start;
    neighborSum[i] = s;
    neighborCount[i] = w;
    const spread = (n * w - w * w) / (n - 1);
    if (sd === 0 || spread <= 0) {
      z[i] = 0;
      p[i] = 1;
      continue;
    }
    const zi = (s - mean * w) / (sd * Math.sqrt(spread));
    z[i] = zi;
    p[i] = 2 * normalCdf(-Math.abs(zi), 0, 1);
  }
  return { z, p, neighborSum, neighborCount, mean, sd };
}
