/**
 * The areas table behind the app's CSV export and the command line's `aggregate`: counts per area and
 * period read from the areas brush index (month × area prefix sums), then counts, rates, EB rates,
 * reliability and suppression by {@link areaAggregate}. Both callers go through {@link areaTable}, so the
 * exported file and the command's output are the same computation.
 */
import { type AggregatePeriod, type AreaAggregate, areaAggregate } from '../analysis/rates/area-aggregate';
import { monthLabel } from './datasets';
import { cubeRange, type PrefixCube } from './prefix-cube';

/** How the months of the range are grouped: one period, or calendar years. */
export type PeriodGrouping = 'all' | 'year';

/**
 * Periods of months `from`..`to` (indices into the cube, inclusive): the whole range, or each calendar year
 * it touches (partial years last months/12 years).
 */
export function areaPeriods(
  cube: PrefixCube,
  firstMonth: string,
  from: number,
  to: number,
  by: PeriodGrouping,
): AggregatePeriod[] {
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to < cube.months && from <= to)) {
    throw new RangeError(`months ${from}..${to} are outside the data's ${cube.months} months`);
  }
  const label = (m: number) => monthLabel(firstMonth, m);
  if (by === 'all') {
    const name = from === to ? label(from) : `${label(from)} to ${label(to)}`;
    return [{ label: name, years: (to - from + 1) / 12, counts: [...cubeRange(cube, from, to)] }];
  }
  const out: AggregatePeriod[] = [];
  let start = from;
  while (start <= to) {
    const year = label(start).slice(0, 4);
    let end = start;
    while (end + 1 <= to && label(end + 1).startsWith(year)) end++;
    out.push({ label: year, years: (end - start + 1) / 12, counts: [...cubeRange(cube, start, end)] });
    start = end + 1;
  }
  return out;
}

/** Everything {@link areaTable} needs. */
export interface AreaTableOptions {
  ids: readonly string[];
  names: readonly string[];
  population: ArrayLike<number> | null;
  firstMonth: string;
  from: number;
  to: number;
  by: PeriodGrouping;
  /** Suppression threshold (0: off). */
  k: number;
  smooth: 'eb' | 'none';
}

/** The areas table for a month × area cube (see the module header). */
export function areaTable(cube: PrefixCube, o: AreaTableOptions): AreaAggregate {
  if (cube.bins !== o.ids.length)
    throw new RangeError(`the counts have ${cube.bins} areas but the boundaries ${o.ids.length}`);
  return areaAggregate({
    ids: o.ids,
    names: o.names,
    periods: areaPeriods(cube, o.firstMonth, o.from, o.to, o.by),
    population: o.population,
    k: o.k,
    smooth: o.smooth,
  });
}
