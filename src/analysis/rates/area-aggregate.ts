/**
 * Counts, crude rates and Empirical Bayes rates per area and period, with the reliability flag and, when
 * asked, small-cell suppression across every margin shown: the one table behind the command line's
 * `aggregate` and the app's CSV export of the areas.
 *
 * For each period, crude and EB rates per 100,000 residents per year come from {@link areaRates} (global EB
 * over the areas, method of moments). With suppression (k > 1) the table is areas × periods with area
 * totals, period totals and the grand total, suppressed by {@link suppressAreaPeriodTable}; a hidden cell's
 * count, rate and smoothed rate are withheld (null), and the EB prior of each period is estimated from the
 * shown areas only, because a prior that used the hidden counts would let the smoothed rates of the shown
 * areas reveal them (the prior variance is a sum of squares of every area's rate).
 *
 * Options: `k` (default 0: no suppression), `smooth` ('eb' default, or 'none'), `rseThreshold` (0.3).
 */
import { formatPublishedCount } from '../privacy/count-format';
import { type CellStatus, suppressAreaPeriodTable } from '../privacy/table-suppression';
import { areaRates } from './area-rates';

/** One period of the table: its label, its length in years and a count per area. */
export interface AggregatePeriod {
  label: string;
  years: number;
  counts: readonly number[];
}

/** Input of {@link areaAggregate}. */
export interface AreaAggregateInput {
  ids: readonly string[];
  names: readonly string[];
  periods: readonly AggregatePeriod[];
  /** Residents per area (aligned with `ids`), or null for counts only. */
  population: ArrayLike<number> | null;
  /** Suppression threshold: counts 1..k−1 are hidden (0 or 1: off). */
  k?: number;
  smooth?: 'eb' | 'none';
  rseThreshold?: number;
}

/** One area in one period. */
export interface AggregateRow {
  area: string;
  name: string;
  period: string;
  /** The count, or null when hidden. */
  count: number | null;
  /** The count as shown ("<11", "suppressed", "1,234"). */
  countText: string;
  /** Crude rate per 100,000 per year; null without population, when hidden or for a zero population. */
  rate: number | null;
  /** EB rate per 100,000 per year (null as for `rate`, or when smoothing is off). */
  smoothedRate: number | null;
  /** Relative standard error above the threshold (fewer than 12 events) or no population. */
  unreliable: boolean;
  suppressed: boolean;
  status: CellStatus;
}

/** A total that was shown (or hidden) beside the rows. */
export interface AggregateTotal {
  /** `area` for an area total over the periods, `period` for a city total of a period, `all` for the grand total. */
  kind: 'area' | 'period' | 'all';
  key: string;
  count: number | null;
  countText: string;
  suppressed: boolean;
  /** How the total is shown: a small total is 'primary', one hidden to protect a cell 'complementary'. */
  status: CellStatus;
}

/** Result of {@link areaAggregate}. */
export interface AreaAggregate {
  k: number;
  smooth: 'eb' | 'none';
  rows: AggregateRow[];
  totals: AggregateTotal[];
  /** Periods not published because their city total is 1..k−1. */
  droppedPeriods: string[];
}

/**
 * The area table (see the module header).
 * @throws RangeError for mismatched lengths, negative counts or populations, or non-positive period lengths
 */
export function areaAggregate(input: AreaAggregateInput): AreaAggregate {
  const k = input.k ?? 0;
  const smooth = input.smooth ?? 'eb';
  const n = input.ids.length;
  if (input.names.length !== n) throw new RangeError(`${n} area ids but ${input.names.length} names`);
  if (input.population && input.population.length !== n)
    throw new RangeError(`${n} areas but ${input.population.length} populations`);
  for (const p of input.periods) {
    if (p.counts.length !== n)
      throw new RangeError(`period ${p.label} has ${p.counts.length} counts for ${n} areas`);
    if (!(p.years > 0)) throw new RangeError(`period ${p.label} must last more than 0 years`);
  }
  const table = input.ids.map((_, a) => input.periods.map((p) => p.counts[a]!));
  const suppression = suppressAreaPeriodTable(table, k > 1 ? k : 0);
  const P = input.periods.length;
  const rows: AggregateRow[] = [];
  input.periods.forEach((period, p) => {
    const status = (a: number) => suppression.cells[a * P + p]!;
    let rates: ReturnType<typeof areaRates> | null = null;
    if (input.population) {
      // Hidden areas get no population here: they stay out of the prior and their rates are withheld.
      const pops = Float64Array.from(input.population, (v, a) => (status(a) === 'shown' ? v : 0));
      rates = areaRates(period.counts, pops, { years: period.years, rseThreshold: input.rseThreshold });
    }
    for (let a = 0; a < n; a++) {
      const s = status(a);
      const shown = s === 'shown';
      const count = period.counts[a]!;
      const finite = (v: number | undefined) => (shown && v !== undefined && Number.isFinite(v) ? v : null);
      rows.push({
        area: input.ids[a]!,
        name: input.names[a]!,
        period: period.label,
        count: shown ? count : null,
        countText: formatPublishedCount(count, s, k > 1 ? k : 0),
        rate: rates ? finite(rates.crude[a]) : null,
        smoothedRate: rates && smooth === 'eb' ? finite(rates.smoothed[a]) : null,
        unreliable: rates ? rates.unreliable[a] === 1 || !shown : count < 12,
        suppressed: !shown,
        status: s,
      });
    }
  });
  const total = (
    kind: AggregateTotal['kind'],
    key: string,
    count: number,
    s: CellStatus,
  ): AggregateTotal => ({
    kind,
    key,
    count: s === 'shown' ? count : null,
    countText: formatPublishedCount(count, s, k > 1 ? k : 0),
    suppressed: s !== 'shown',
    status: s,
  });
  const totals: AggregateTotal[] = [
    ...input.periods.map((p, i) =>
      total('period', p.label, suppression.periodTotals[i]!, suppression.periodTotalStatus[i]!),
    ),
    ...(P > 1
      ? input.ids.map((id, a) =>
          total('area', id, suppression.areaTotals[a]!, suppression.areaTotalStatus[a]!),
        )
      : []),
    total('all', 'all', suppression.grandTotal, 'shown'),
  ];
  return {
    k,
    smooth,
    rows,
    totals,
    droppedPeriods: suppression.droppedPeriods.map((p) => input.periods[p]!.label),
  };
}

/** The CSV's columns, by their stable machine names (the command line's header). */
export const CSV_COLUMNS = [
  'area',
  'name',
  'period',
  'count',
  'rate_per_100k_year',
  'smoothed_rate',
  'unreliable',
  'suppressed',
] as const;

/** The words of the CSV: header, yes/no, the totals' names and how a period is written. */
export interface AggregateCsvLabels {
  columns: Record<(typeof CSV_COLUMNS)[number], string>;
  yes: string;
  no: string;
  total: string;
  areaTotal: string;
  cityTotal: string;
  allPeriods: string;
  period(label: string): string;
}

/** Stable English machine names: the command line's CSV, read by scripts. */
export const CSV_MACHINE_LABELS: AggregateCsvLabels = {
  columns: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as AggregateCsvLabels['columns'],
  yes: 'yes',
  no: 'no',
  total: '(total)',
  areaTotal: 'area total',
  cityTotal: 'city total',
  allPeriods: 'all periods',
  period: (label) => label,
};

function csvField(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The table as CSV text: one line per area and period (hidden counts as shown, e.g. "<11", and their rates
 * empty), then the totals that were shown, each on a line whose area is "(total)". `labels` word the header
 * and the texts (default: the machine names); numbers are always written plainly (no digit grouping, a
 * decimal point), so that the file reads the same into any program.
 */
export function aggregateCsv(
  aggregate: AreaAggregate,
  labels: AggregateCsvLabels = CSV_MACHINE_LABELS,
): string {
  const rate = (v: number | null) => (v === null ? '' : v.toFixed(2));
  const yesNo = (v: boolean) => (v ? labels.yes : labels.no);
  const lines = [CSV_COLUMNS.map((c) => csvField(labels.columns[c])).join(',')];
  for (const r of aggregate.rows) {
    lines.push(
      [
        r.area,
        r.name,
        labels.period(r.period),
        r.countText.replace(/,/g, ''),
        rate(r.rate),
        rate(r.smoothedRate),
        yesNo(r.unreliable),
        yesNo(r.suppressed),
      ]
        .map(csvField)
        .join(','),
    );
  }
  for (const t of aggregate.totals) {
    const [area, period] =
      t.kind === 'area'
        ? [t.key, labels.allPeriods]
        : t.kind === 'period'
          ? [labels.total, labels.period(t.key)]
          : [labels.total, labels.allPeriods];
    lines.push(
      [
        area,
        t.kind === 'area' ? labels.areaTotal : labels.cityTotal,
        period,
        t.countText.replace(/,/g, ''),
        '',
        '',
        '',
        yesNo(t.suppressed),
      ]
        .map(csvField)
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
