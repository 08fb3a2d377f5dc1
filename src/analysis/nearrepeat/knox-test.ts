/**
 * Near-repeat analysis with the Knox space-time test: do incidents that are close in space also tend to be
 * close in time, more often than chance would give?
 *
 * **What it measures.** Every pair of incidents is placed in a table by how far apart the two are
 * (rows: distance bands, starting with "same location") and how many days apart (columns: time bands).
 * The observed count of a cell is the number of pairs in it. If when a shooting happens says nothing about
 * where it happens, shuffling the dates among the incidents (locations kept) gives tables just like the
 * observed one. The test shuffles the dates `permutations` times with a seeded generator; the expected
 * count of a cell is the mean of its shuffled counts, the **Knox ratio** is observed / expected, and the
 * one-sided Monte Carlo p-value is p = (1 + #{shuffled count ≥ observed}) / (1 + permutations).
 * The same is done for cumulative windows (every pair within row ≤ s and column ≤ t, i.e. "within X m and
 * Y days"), whose counts are tested as wholes rather than by summing cell p-values.
 *
 * **How to read it.** A ratio of 1.5 in "1–100 m" × "0–7 days" means 50 % more pairs of incidents within
 * 100 m and a week of each other than if timing were unrelated to place: after one shooting, the risk
 * nearby is raised for a while (retaliation, contagion, or a shared cause such as an ongoing dispute).
 * Small p (below 0.05) says such an excess would be rare under shuffling; with 999 permutations the
 * smallest attainable p is 0.001. Cells are tested one by one, so with 20 cells about one will fall
 * below 0.05 by chance alone; read the pattern (near cells high, ratios falling with distance and time)
 * rather than single cells. The permutation keeps each place's total count and the overall seasonality of
 * dates, so a place that is simply busy does not by itself produce a high ratio; a citywide trend in both
 * where and when incidents happen (e.g. a hotspot that emerges in one year) can.
 *
 * **Rows are distance, columns time**, and each label states exactly which pairs the band holds (see
 * `knoxBands`). The Windows Near Repeat Calculator labels a band "a to b" but counts pairs in [a − 1, b)
 * (documented in the NearRepeat package's "NRC" vignette), so its tables must be shifted before comparing.
 *
 * **Efficiency.** Pairs within the last distance band are found once with a spatial index
 * ({@link closePairs}); each permutation only re-bins the day differences of those pairs, so a
 * permutation costs O(pairs) rather than O(n²).
 *
 * Options (all optional): `spaceBands` [100, 200, 300, 400] metres; `timeBands` [7, 14, 21, 28] days;
 * `permutations` 999; `seed` 1; `onProgress` none; `signal` none.
 *
 * References: Knox, E. G. (1964). The detection of space-time interactions. Journal of the Royal
 * Statistical Society, Series C, 13(1), 25–30. Johnson, S. D., Bernasco, W., Bowers, K. J., et al. (2007).
 * Space–time patterns of risk: a cross national assessment of residential burglary victimization. Journal
 * of Quantitative Criminology, 23, 201–219. Ratcliffe, J. H. (2009). Near Repeat Calculator (version 1.3)
 * user manual. Temple University and the National Institute of Justice. Steenbeek, W. NearRepeat R
 * package (github.com/wsteenbeek/NearRepeat).
 */

import { seededRandom, shuffleInPlace } from '../random';
import { closePairs } from './close-pairs';
import { knoxBands } from './knox-bands';

export type { ClosePairs, ClosePairsInput, ClosePairsOptions } from './close-pairs';
export { closePairs, haversineMetres } from './close-pairs';

/** Incidents as columns: location in degrees (WGS84) and date as an integer day number. */
export interface KnoxInput {
  /** Longitude in degrees. */
  lon: Float64Array;
  /** Latitude in degrees. */
  lat: Float64Array;
  /** Calendar day of each incident as an integer (e.g. days since 1970-01-01). */
  day: Int32Array;
}

/** Options of {@link knoxTest}. */
export interface KnoxOptions {
  /** Space band upper bounds in metres, strictly increasing and positive. Default [100, 200, 300, 400]. */
  spaceBands?: readonly number[];
  /** Time band upper bounds in whole days, strictly increasing positive integers. Default [7, 14, 21, 28]. */
  timeBands?: readonly number[];
  /** Number of date permutations, an integer ≥ 1. Default 999. */
  permutations?: number;
  /** Seed of the permutation generator (same seed, same answer). Default 1. */
  seed?: number;
  /** Called after each permutation with the number done and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Cancels the test; checked before the pair search and before each permutation. */
  signal?: AbortSignal;
}

/** Tables indexed [space row][time column], rows = distance bands (row 0 "same location"). */
export interface KnoxTables {
  /** Observed number of pairs. */
  observed: number[][];
  /** Mean number of pairs over the date permutations. */
  expected: number[][];
  /** observed / expected (NaN when both are 0, Infinity when only expected is 0). */
  ratio: number[][];
  /** One-sided Monte Carlo p-value (1 + #{permuted ≥ observed}) / (1 + permutations). */
  p: number[][];
}

/** Result of {@link knoxTest}. Cell tables are [space row][time column]. */
export interface KnoxResult extends KnoxTables {
  /** Space band upper bounds in metres, as used. */
  spaceBands: number[];
  /** Time band upper bounds in days, as used. */
  timeBands: number[];
  /** Row labels, e.g. "same location", "1–100 m", "101–200 m". */
  spaceLabels: string[];
  /** Column labels, e.g. "0–7 days", "8–14 days". */
  timeLabels: string[];
  /**
   * The same four tables for cumulative windows: cell [s][t] counts every pair in rows 0…s and columns
   * 0…t ("within spaceBands[s − 1] m and timeBands[t] days"), with its own permutation p-value.
   */
  cumulative: KnoxTables;
  /** Number of pairs within the last space band (any time apart). */
  pairsConsidered: number;
  /** Number of incidents. */
  incidents: number;
  /** Number of permutations run. */
  permutations: number;
  /** Seed used. */
  seed: number;
}

/**
 * Knox space-time interaction test with Monte Carlo date permutations (near-repeat analysis).
 *
 * @param input - incident longitude/latitude in degrees and integer day numbers, equal lengths.
 * @param options - bands, permutations (999), seed (1), progress callback and abort signal.
 * @returns observed, expected, ratio and p tables per cell and per cumulative window, with labels.
 * @throws {TypeError} when columns have the wrong type.
 * @throws {RangeError} on unequal lengths, invalid coordinates, bands, permutations or seed.
 * @throws {DOMException} named "AbortError" when `signal` is aborted.
 */
export function knoxTest(input: KnoxInput, options: KnoxOptions = {}): KnoxResult {
  const { lon, lat, day } = input;
  const permutations = options.permutations ?? 999;
  const seed = options.seed ?? 1;
  if (!(day instanceof Int32Array)) throw new TypeError('day must be an Int32Array of day numbers');
  if (day.length !== lon.length) {
    throw new RangeError(`day must have one entry per incident (got ${day.length} for ${lon.length})`);
  }
  if (!Number.isInteger(permutations) || permutations < 1) {
    throw new RangeError(`permutations must be an integer ≥ 1 (got ${permutations})`);
  }
  let first = 0;
  let last = 0;
  for (let k = 0; k < day.length; k++) {
    if (k === 0 || day[k]! < first) first = day[k]!;
    if (k === 0 || day[k]! > last) last = day[k]!;
  }
  if (last - first > 1e9) throw new RangeError('day numbers must span at most 1e9 days');
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number (got ${seed})`);
  const bands = knoxBands(options.spaceBands ?? [100, 200, 300, 400], options.timeBands ?? [7, 14, 21, 28]);
  const rows = bands.spaceBands.length + 1;
  const columns = bands.timeBands.length;
  const cells = rows * columns;
  const signal = options.signal;

  throwIfAborted(signal);
  const pairs = closePairs({ lon, lat }, { spaceBands: bands.spaceBands });

  const maxDays = bands.timeBands[columns - 1]!;
  const rowsOfPairs = pairRows(pairs.i, pairs.j, pairs.spaceBand, lon.length, 2 * maxDays + 1);
  const histogram = new Int32Array(rows * (2 * maxDays + 1));
  const counts = new Int32Array(cells);
  const cumulativeCounts = new Int32Array(cells);
  const tally = (days: Int32Array): void => {
    countPairs(rowsOfPairs, days, maxDays, histogram);
    binHistogram(histogram, bands.columnOfDayDifference, rows, columns, maxDays, counts);
    accumulate(counts, rows, columns, cumulativeCounts);
  };

  tally(day);
  const observed = Int32Array.from(counts);
  const observedCumulative = Int32Array.from(cumulativeCounts);
  const sum = new Float64Array(cells);
  const sumCumulative = new Float64Array(cells);
  const atLeast = new Int32Array(cells);
  const atLeastCumulative = new Int32Array(cells);

  const random = seededRandom(seed);
  const shuffled = Int32Array.from(day);
  for (let done = 0; done < permutations; ) {
    throwIfAborted(signal);
    shuffleInPlace(shuffled, random);
    tally(shuffled);
    for (let c = 0; c < cells; c++) {
      sum[c]! += counts[c]!;
      sumCumulative[c]! += cumulativeCounts[c]!;
      if (counts[c]! >= observed[c]!) atLeast[c]!++;
      if (cumulativeCounts[c]! >= observedCumulative[c]!) atLeastCumulative[c]!++;
    }
    done++;
    options.onProgress?.(done, permutations);
  }

  return {
    spaceBands: bands.spaceBands,
    timeBands: bands.timeBands,
    spaceLabels: bands.spaceLabels,
    timeLabels: bands.timeLabels,
    ...tables(observed, sum, atLeast, permutations, rows, columns),
    cumulative: tables(observedCumulative, sumCumulative, atLeastCumulative, permutations, rows, columns),
    pairsConsidered: pairs.count,
    incidents: lon.length,
    permutations,
    seed,
  };
}

/**
 * Close pairs as compressed rows: the partners of incident `i` are `partner[offset[i] … offset[i + 1] − 1]`,
 * and `slotBase[p]` is the first histogram slot of pair `p`'s space band. Streaming partners in row order
 * (rather than both ends of every pair) keeps the per-permutation memory traffic low.
 */
interface PairRows {
  offset: Int32Array;
  partner: Int32Array;
  slotBase: Int32Array;
}

function pairRows(i: Int32Array, j: Int32Array, spaceBand: Uint8Array, n: number, width: number): PairRows {
  const count = i.length;
  const offset = new Int32Array(n + 1);
  for (let p = 0; p < count; p++) offset[i[p]! + 1]!++;
  for (let k = 0; k < n; k++) offset[k + 1]! += offset[k]!;
  const cursor = offset.slice(0, n);
  const partner = new Int32Array(count);
  const slotBase = new Int32Array(count);
  for (let p = 0; p < count; p++) {
    const at = cursor[i[p]!]!++;
    partner[at] = j[p]!;
    slotBase[at] = spaceBand[p]! * width;
  }
  return { offset, partner, slotBase };
}

/**
 * Histogram of signed day differences per space band: slot `band · (2·maxDays + 1) + (d_i − d_j + maxDays)`
 * for |d_i − d_j| ≤ maxDays. One unsigned comparison tests both signs, avoiding an unpredictable branch.
 */
function countPairs(rowsOfPairs: PairRows, days: Int32Array, maxDays: number, histogram: Int32Array): void {
  histogram.fill(0);
  const { offset, partner, slotBase } = rowsOfPairs;
  const width = 2 * maxDays + 1;
  const n = offset.length - 1;
  let p = 0;
  for (let i = 0; i < n; i++) {
    const end = offset[i + 1]!;
    if (p === end) continue;
    const shifted = days[i]! + maxDays;
    for (; p < end; p++) {
      const slot = (shifted - days[partner[p]!]!) >>> 0;
      if (slot < width) histogram[slotBase[p]! + slot]!++;
    }
  }
}

function binHistogram(
  histogram: Int32Array,
  columnOf: Int32Array,
  rows: number,
  columns: number,
  maxDays: number,
  counts: Int32Array,
): void {
  counts.fill(0);
  const width = 2 * maxDays + 1;
  for (let row = 0; row < rows; row++) {
    for (let slot = 0; slot < width; slot++) {
      const column = columnOf[Math.abs(slot - maxDays)]!;
      counts[row * columns + column]! += histogram[row * width + slot]!;
    }
  }
}

/** Two-dimensional running sums: cumulative[s][t] = Σ counts[s' ≤ s][t' ≤ t]. */
function accumulate(counts: Int32Array, rows: number, columns: number, cumulative: Int32Array): void {
  for (let row = 0; row < rows; row++) {
    let across = 0;
    for (let column = 0; column < columns; column++) {
      across += counts[row * columns + column]!;
      const above = row > 0 ? cumulative[(row - 1) * columns + column]! : 0;
      cumulative[row * columns + column] = above + across;
    }
  }
}

function tables(
  observed: Int32Array,
  sum: Float64Array,
  atLeast: Int32Array,
  permutations: number,
  rows: number,
  columns: number,
): KnoxTables {
  const result: KnoxTables = { observed: [], expected: [], ratio: [], p: [] };
  for (let row = 0; row < rows; row++) {
    const o: number[] = [];
    const e: number[] = [];
    const r: number[] = [];
    const p: number[] = [];
    for (let column = 0; column < columns; column++) {
      const c = row * columns + column;
      const expected = sum[c]! / permutations;
      o.push(observed[c]!);
      e.push(expected);
      r.push(observed[c]! / expected);
      p.push((1 + atLeast[c]!) / (1 + permutations));
    }
    result.observed.push(o);
    result.expected.push(e);
    result.ratio.push(r);
    result.p.push(p);
  }
  return result;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new DOMException('The near-repeat test was aborted', 'AbortError');
}
