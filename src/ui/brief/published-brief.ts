/**
 * The brief's figures in publish mode, read only from the published tables the council view shows (areas ×
 * years with their totals, fatal counts per year): the city's count, fatal count and rate for the year on
 * screen (or all published years), or, for the area whose profile is open, the profile's figures (count,
 * rate, share of the city, this year against last year) beside the city's. A hidden count is carried as its
 * label ("<k", "suppressed") and never as a number, also in the yearly trend (its bar total is 0); a rate,
 * share or ratio built on a hidden count is null (withheld). Years not published are left out.
 */
import { formatCi, formatPublishedCount, formatRatio } from '../../analysis/privacy/count-format';
import type { CellStatus } from '../../analysis/privacy/table-suppression';
import type { YearTotal } from '../../charts/year-trend-spec';
import { areaProfileFigures, type ProfileCouncil } from '../panels/council/profile-figures';
import type { Council } from '../panels/council/use-council';

/** Inputs of {@link publishedBrief}. */
export interface PublishedBriefInput {
  council: ProfileCouncil & Pick<Council, 'years' | 'periodLabel'>;
  /** Index of the area whose profile is open, or null for the city (the union of the areas). */
  area: number | null;
  /** Residents per area, when known. */
  population: ArrayLike<number> | null;
  /** The published year on screen, or null for all published years. */
  year: string | null;
  unit: 'incidents' | 'victims';
}

/** A year-on-year comparison of the area, as the profile shows it. */
export interface BriefComparison {
  /** "2020 vs 2019". */
  label: string;
  /** Rate ratio with its exact Poisson 95% CI, or null when withheld, not computable or not available. */
  text: string | null;
  reason: 'shown' | 'withheld' | 'noEvents' | 'needsYears';
}

/** What the brief shows in publish mode. */
export interface PublishedBrief {
  k: number;
  /** "2020" or "2015 to 2024". */
  period: string;
  /** Count of the subject as shown ("1,234", "<11", "suppressed"). */
  count: string;
  /** Fatal count of the city as shown; null for an area (not published per area). */
  fatal: string | null;
  hasPopulation: boolean;
  /** Rate per 100,000 residents per year, or null when withheld (or without population). */
  rate: number | null;
  /** The city beside an area (null when the subject is the city). */
  city: { count: string; rate: number | null } | null;
  /** Share of the city (0–1) for an area; null when withheld or for the city. */
  share: number | null;
  comparison: BriefComparison | null;
  /** Residents of the subject, when known. */
  population: number | null;
  /** Published years of the subject; hidden years carry their label and a total of 0. */
  trend: YearTotal[];
  /** The trend as text: "2019: 1,234; 2020*: <11". */
  trendText: string;
}

const PER = 100_000;

function sum(values: ArrayLike<number>, only: number | null): number {
  if (only !== null) return values[only] ?? 0;
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
  return s;
}

/** The brief's figures in publish mode (see the module header); null until the published tables exist. */
export function publishedBrief(input: PublishedBriefInput): PublishedBrief | null {
  const { council, year, unit } = input;
  const published = council.published;
  if (!published || council.k <= 1) return null;
  const k = council.k;
  const t = published.tables.areaYear;
  const { yearly } = council;
  const y = year ? yearly.years.indexOf(year) : -1;
  const dropped = new Set(t.droppedPeriods);
  const cityValue = y >= 0 ? t.periodTotals[y]! : t.grandTotal;
  const cityStatus: CellStatus = y >= 0 ? t.periodTotalStatus[y]! : 'shown';
  const cityPopulation = input.population ? sum(input.population, null) : null;
  const rateOf = (count: number, status: CellStatus, population: number | null) =>
    status === 'shown' && population && population > 0 && council.years > 0
      ? (count / population / council.years) * PER
      : null;
  const cityRate = rateOf(cityValue, cityStatus, cityPopulation);
  const cityCount = formatPublishedCount(cityValue, cityStatus, k, unit);

  const trendOf = (value: (p: number) => number | null, status: (p: number) => CellStatus): YearTotal[] =>
    yearly.years.flatMap((label, p) => {
      if (dropped.has(p)) return [];
      const s = status(p);
      const v = value(p);
      const base = { year: Number(label), months: yearly.months[p]! };
      return s === 'shown' && v !== null
        ? [{ ...base, total: v }]
        : [{ ...base, total: 0, hidden: { text: formatPublishedCount(v ?? k - 1, s, k) } }];
    });
  const trendText = (trend: YearTotal[]) =>
    trend
      .map(
        (b) =>
          `${b.year}${b.months < 12 ? '*' : ''}: ${b.hidden ? b.hidden.text : formatPublishedCount(b.total, 'shown', 0)}`,
      )
      .join('; ');

  if (input.area === null) {
    const fatal = published.tables.fatal;
    const fatalValue = y >= 0 ? (published.input.fatalByYear?.[y] ?? 0) : (fatal?.total ?? 0);
    const fatalStatus: CellStatus = fatal ? (y >= 0 ? fatal.cells[y]! : fatal.totalStatus) : 'dropped';
    const trend = trendOf(
      (p) => yearly.city[p] ?? null,
      (p) => t.periodTotalStatus[p]!,
    );
    return {
      k,
      period: council.periodLabel,
      count: cityCount,
      fatal: fatal ? formatPublishedCount(fatalValue, fatalStatus, k) : null,
      hasPopulation: cityPopulation !== null,
      rate: cityRate,
      city: null,
      share: null,
      comparison: null,
      population: cityPopulation,
      trend,
      trendText: trendText(trend),
    };
  }

  const a = input.area;
  const figures = areaProfileFigures(council, a, year);
  if (!figures) return null;
  const { row, pair } = figures;
  const P = t.periods;
  const trend = trendOf(
    (p) => yearly.areas[a]?.[p] ?? null,
    (p) => (yearly.areas[a]?.[p] === null ? t.cells[a * P + p]! : 'shown'),
  );
  let comparison: BriefComparison | null = null;
  if (!pair) comparison = { label: '', text: null, reason: 'needsYears' };
  else {
    const label = `${yearly.years[pair[1]]} vs ${yearly.years[pair[0]]}`;
    if (figures.ratio)
      comparison = {
        label,
        text: `${formatRatio(figures.ratio.rateRatio)} (${formatCi(figures.ratio.interval.lower, figures.ratio.interval.upper)})`,
        reason: 'shown',
      };
    else if (figures.before === null || figures.after === null)
      comparison = { label, text: null, reason: 'withheld' };
    else comparison = { label, text: null, reason: 'noEvents' };
  }
  return {
    k,
    period: council.periodLabel,
    count: formatPublishedCount(row.count ?? 0, row.status, k, unit),
    fatal: null,
    hasPopulation: input.population !== null,
    rate: row.rate,
    city: { count: cityCount, rate: cityRate },
    share: figures.share,
    comparison,
    population: input.population ? sum(input.population, a) : null,
    trend,
    trendText: trendText(trend),
  };
}
