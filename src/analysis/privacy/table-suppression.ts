/**
 * Small-cell suppression for the tables a public view publishes, protected against subtraction across every
 * margin that is shown with them.
 *
 * What it protects: a count c with 1 ≤ c < k (a "primary" cell) is hidden, and enough other cells
 * ("complementary") are hidden with it that a reader who knows every published number, every published
 * margin and that counts are ≥ 0 cannot conclude that the hidden cell lies in 1..k−1: the largest value
 * consistent with everything published is ≥ k. (The smallest may or may not be 0.) A label such as "<k"
 * still says what it says; the guarantee is that the arithmetic of the published tables adds nothing to it.
 *
 * Two shapes are covered:
 *
 * {@link suppressAreaPeriodTable}: an areas × periods table published with its area totals (over the
 * published periods), its period totals and the grand total. A period whose city total is itself in
 * 1..k−1 is dropped from the table before anything else (its column, its total and its months are not
 * published, and area totals cover the other periods), so period totals and the grand total are always
 * shown. Each primary cell x = v is then protected by a hidden rectangle of the table bordered by its area
 * totals: cells (i,p), (i,q), (j,p), (j,q) where q may be the area-total column. Moving t along the
 * rectangle (+t, −t, −t, +t for four inner cells; with the total column, the total moves with its own
 * row's cell) changes no published sum, so if every cell that decreases holds at least t = k − v, the value
 * v + t = k is consistent with everything published. For each primary cell without such a rectangle the
 * cheapest one is hidden (cost: the counts of the cells newly hidden, area totals weighted heavily, since
 * they are the map's main view). Hiding more cells only widens what a reader can infer, so cells protected
 * earlier stay protected. If no rectangle exists (one area), every cell and area total is hidden.
 *
 * {@link suppressSeries}: a row of cells published with its total (months of a year under that year's
 * city total, fatal counts per year under their sum). Primary cells are hidden and then the smallest
 * positive shown cells until the hidden cells add up to at least k: any hidden cell may then hold all of
 * that sum, which is ≥ k.
 *
 * What it does not protect (see docs/PRIVACY.md): tables published under other filters (a reader who sees
 * "all victims" and "male victims" can subtract them), tables in other units (incidents against victims),
 * and anything outside the tables it is given. It is a heuristic for the cell pattern, not an optimum: it
 * may hide more than an exact method (τ-ARGUS, sdcTable) would.
 *
 * Options: k, the threshold (counts 1..k−1 are small); k ≤ 1 turns suppression off.
 */

/** How a published cell is shown. */
export type CellStatus = 'shown' | 'primary' | 'complementary' | 'dropped';

/** Result of {@link suppressAreaPeriodTable}. */
export interface AreaPeriodSuppression {
  k: number;
  areas: number;
  periods: number;
  /** Per cell, area-major (`area * periods + period`). */
  cells: CellStatus[];
  /** Area totals over the published (not dropped) periods. */
  areaTotals: number[];
  areaTotalStatus: CellStatus[];
  /** City total per period (0 for dropped periods). */
  periodTotals: number[];
  periodTotalStatus: CellStatus[];
  /** Sum over published periods; always shown. */
  grandTotal: number;
  /** Periods left out because their city total is 1..k−1. */
  droppedPeriods: number[];
  /** True when no protecting pattern existed and every cell and area total was hidden. */
  allHidden: boolean;
}

function checkCounts(values: readonly number[], what: string): void {
  for (const v of values) {
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`${what} must be whole numbers ≥ 0, got ${v}`);
  }
}

function small(v: number, k: number): boolean {
  return k > 1 && v >= 1 && v < k;
}

/**
 * Primary and complementary suppression of an areas × periods table with area totals, period totals and
 * the grand total (see the module header). `counts[area][period]`.
 * @throws RangeError for ragged rows, negative or fractional counts, or a bad k
 */
export function suppressAreaPeriodTable(
  counts: readonly (readonly number[])[],
  k: number,
): AreaPeriodSuppression {
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  const areas = counts.length;
  const periods = counts[0]?.length ?? 0;
  for (const row of counts) {
    if (row.length !== periods) throw new RangeError('every area must have the same number of periods');
    checkCounts(row, 'counts');
  }
  const periodTotals = Array.from({ length: periods }, (_, p) => counts.reduce((s, row) => s + row[p]!, 0));
  const droppedPeriods = periodTotals.flatMap((t, p) => (small(t, k) ? [p] : []));
  const kept = (p: number) => !droppedPeriods.includes(p);
  const cells: CellStatus[] = [];
  for (let a = 0; a < areas; a++)
    for (let p = 0; p < periods; p++)
      cells.push(!kept(p) ? 'dropped' : small(counts[a]![p]!, k) ? 'primary' : 'shown');
  const areaTotals = counts.map((row) => row.reduce((s, v, p) => (kept(p) ? s + v : s), 0));
  const areaTotalStatus: CellStatus[] = areaTotals.map((v) => (small(v, k) ? 'primary' : 'shown'));
  const periodTotalStatus: CellStatus[] = periodTotals.map((_, p) => (kept(p) ? 'shown' : 'dropped'));
  for (const p of droppedPeriods) periodTotals[p] = 0;
  const grandTotal = areaTotals.reduce((s, v) => s + v, 0);

  // Augmented matrix: columns 0..periods-1 are periods, column `periods` the area totals.
  const T = periods;
  const value = (a: number, c: number) => (c === T ? areaTotals[a]! : counts[a]![c]!);
  const status = (a: number, c: number) => (c === T ? areaTotalStatus[a]! : cells[a * periods + c]!);
  const hide = (a: number, c: number) => {
    if (c === T) {
      if (areaTotalStatus[a] === 'shown') areaTotalStatus[a] = 'complementary';
    } else if (cells[a * periods + c] === 'shown') cells[a * periods + c] = 'complementary';
  };
  const columns = [...Array.from({ length: periods }, (_, p) => p).filter(kept), T];

  let allHidden = false;
  const primaries: [number, number][] = [];
  for (let a = 0; a < areas; a++)
    for (const c of columns) if (status(a, c) === 'primary') primaries.push([a, c]);
  // Smallest first: they need the largest decreasing cells, and their patterns then serve larger ones.
  primaries.sort((x, y) => value(x[0], x[1]) - value(y[0], y[1]));
  for (const [i, p] of primaries) {
    const need = k - value(i, p);
    let best: [number, number] | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let j = 0; j < areas && bestCost > 0; j++) {
      if (j === i) continue;
      for (const q of columns) {
        if (q === p) continue;
        // Cells of the rectangle other than (i,p), with whether they decrease when (i,p) grows.
        const mixed = p === T || q === T;
        const rect: [number, number, boolean][] = [
          [i, q, !mixed],
          [j, p, true],
          [j, q, mixed],
        ];
        let cost = 0;
        let ok = true;
        for (const [a, c, decreases] of rect) {
          if (decreases && value(a, c) < need) {
            ok = false;
            break;
          }
          if (status(a, c) === 'shown') cost += 1 + value(a, c) + (c === T ? 1e6 : 0);
        }
        if (ok && cost < bestCost) {
          bestCost = cost;
          best = [j, q];
          if (cost === 0) break;
        }
      }
    }
    if (!best) {
      allHidden = true;
      break;
    }
    const [j, q] = best;
    hide(i, q);
    hide(j, p);
    hide(j, q);
  }
  if (allHidden) {
    for (let a = 0; a < areas; a++) for (const c of columns) hide(a, c);
  }
  return {
    k,
    areas,
    periods,
    cells,
    areaTotals,
    areaTotalStatus,
    periodTotals,
    periodTotalStatus,
    grandTotal,
    droppedPeriods,
    allHidden,
  };
}

/** Result of {@link suppressSeries}. */
export interface SeriesSuppression {
  cells: CellStatus[];
  total: number;
  totalStatus: CellStatus;
}

/**
 * Suppression of one row of counts published with its total: primary cells, then the smallest positive
 * shown cells until the hidden cells sum to at least k (see the module header). A total in 1..k−1 is
 * hidden with its cells (nothing then pins them).
 */
export function suppressSeries(counts: readonly number[], k: number): SeriesSuppression {
  if (!(Number.isInteger(k) && k >= 0)) throw new RangeError(`k must be a whole number ≥ 0, got ${k}`);
  checkCounts(counts, 'counts');
  const total = counts.reduce((s, v) => s + v, 0);
  const cells: CellStatus[] = counts.map((v) => (small(v, k) ? 'primary' : 'shown'));
  if (small(total, k)) return { cells, total, totalStatus: 'primary' };
  let hiddenSum = counts.reduce((s, v, i) => (cells[i] === 'primary' ? s + v : s), 0);
  if (hiddenSum === 0) return { cells, total, totalStatus: 'shown' };
  const order = counts.map((_, i) => i).filter((i) => cells[i] === 'shown' && counts[i]! > 0);
  order.sort((a, b) => counts[a]! - counts[b]! || a - b);
  for (const i of order) {
    if (hiddenSum >= k) break;
    cells[i] = 'complementary';
    hiddenSum += counts[i]!;
  }
  // Unreachable when the total is ≥ k (all positive cells would be hidden), kept as a guard.
  return { cells, total, totalStatus: hiddenSum >= k ? 'shown' : 'primary' };
}

/** True for a cell that is not shown as its number. */
export function isHidden(status: CellStatus): boolean {
  return status !== 'shown';
}
