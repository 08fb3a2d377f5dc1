/**
 * The fixed set of tables a public view draws from, built once for the current filters and suppressed
 * together: areas × years (with area totals, year totals and the grand total), the city's months within
 * each published year (summing to that year's total), and the city's fatal counts per year (with their
 * sum). Views read only these tables, so nothing on screen is a sum the suppression did not see. See
 * {@link suppressAreaPeriodTable} and {@link suppressSeries} for the rules, and `docs/PRIVACY.md` for what
 * this does and does not guarantee.
 */
import { type LinearRelease, ReleaseBuilder } from './disclosure-audit';
import {
  type AreaPeriodSuppression,
  type CellStatus,
  isHidden,
  type SeriesSuppression,
  suppressAreaPeriodTable,
  suppressSeries,
} from './table-suppression';

/** Counts the published tables are built from. */
export interface PublishedTablesInput {
  /** Threshold: counts 1..k−1 are small. */
  k: number;
  /** Counts per area and year, `areaYear[area][year]`. */
  areaYear: number[][];
  /** City counts per month within each year, `monthsByYear[year][month]`; each row sums to the year. */
  monthsByYear: number[][];
  /** City fatal counts per year (optional). */
  fatalByYear?: number[];
}

/** The published tables with each cell's status. */
export interface PublishedTables {
  k: number;
  areaYear: AreaPeriodSuppression;
  /** Per year: its months, or null when the year is dropped. */
  months: (SeriesSuppression | null)[];
  /** Fatal counts of the published years (dropped years have status 'dropped'), or null. */
  fatal: SeriesSuppression | null;
}

/**
 * Suppresses the published tables together (see the module header).
 * @throws RangeError when the month rows do not add up to the year totals or shapes disagree
 */
export function publishTables(input: PublishedTablesInput): PublishedTables {
  const areaYear = suppressAreaPeriodTable(input.areaYear, input.k);
  const years = areaYear.periods;
  if (input.monthsByYear.length !== years)
    throw new RangeError(`monthsByYear has ${input.monthsByYear.length} years, the area table ${years}`);
  const dropped = new Set(areaYear.droppedPeriods);
  const months = input.monthsByYear.map((row, y) => {
    if (dropped.has(y)) return null;
    const series = suppressSeries(row, input.k);
    if (series.total !== areaYear.periodTotals[y])
      throw new RangeError(`months of year ${y} add up to ${series.total}, not ${areaYear.periodTotals[y]}`);
    return series;
  });
  let fatal: SeriesSuppression | null = null;
  if (input.fatalByYear) {
    if (input.fatalByYear.length !== years) throw new RangeError('fatalByYear must have one count per year');
    const kept = input.fatalByYear.filter((_, y) => !dropped.has(y));
    const s = suppressSeries(kept, input.k);
    let n = 0;
    const cells: CellStatus[] = input.fatalByYear.map((_, y) => (dropped.has(y) ? 'dropped' : s.cells[n++]!));
    fatal = { cells, total: s.total, totalStatus: s.totalStatus };
  }
  return { k: input.k, areaYear, months, fatal };
}

/**
 * Everything the tables publish as one linear system, for {@link auditRelease}: cells, margins and the
 * equations that tie them (dropped cells are not published and do not appear).
 */
export function publishedRelease(input: PublishedTablesInput, tables: PublishedTables): LinearRelease {
  const b = new ReleaseBuilder();
  const t = tables.areaYear;
  const keptYears = Array.from({ length: t.periods }, (_, y) => y).filter(
    (y) => !t.droppedPeriods.includes(y),
  );
  const inner: number[][] = input.areaYear.map((row, a) =>
    keptYears.map((y) => b.cell(row[y]!, isHidden(t.cells[a * t.periods + y]!), `area ${a} year ${y}`)),
  );
  const areaTotals = t.areaTotals.map((v, a) =>
    b.cell(v, isHidden(t.areaTotalStatus[a]!), `area ${a} total`),
  );
  const yearTotals = keptYears.map((y) => b.cell(t.periodTotals[y]!, false, `year ${y} total`));
  const grand = b.cell(t.grandTotal, false, 'grand total');
  for (let a = 0; a < inner.length; a++) b.sum(inner[a]!, areaTotals[a]!);
  for (let n = 0; n < keptYears.length; n++)
    b.sum(
      inner.map((row) => row[n]!),
      yearTotals[n]!,
    );
  b.sum(areaTotals, grand);
  b.sum(yearTotals, grand);
  keptYears.forEach((y, n) => {
    const series = tables.months[y];
    if (!series) return;
    const cells = input.monthsByYear[y]!.map((v, m) =>
      b.cell(v, isHidden(series.cells[m]!), `year ${y} month ${m}`),
    );
    b.sum(cells, yearTotals[n]!);
  });
  if (tables.fatal && input.fatalByYear) {
    const fatal = tables.fatal;
    const cells = keptYears.map((y) =>
      b.cell(input.fatalByYear![y]!, isHidden(fatal.cells[y]!), `fatal year ${y}`),
    );
    b.sum(cells, b.cell(fatal.total, isHidden(fatal.totalStatus), 'fatal total'));
  }
  return b.release;
}
