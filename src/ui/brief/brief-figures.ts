/**
 * The numbers of a one-page brief, computed from the views already on screen: counts of the selected
 * areas (or the whole city), the city's totals, the share of the city, rates per 100,000 residents per year
 * when the boundaries carry population, and the yearly trend of the selection.
 */
import type { YearTotal } from '../../charts/year-trend-spec';
import { yearlyTotals } from '../../charts/year-trend-spec';

/** Inputs of {@link briefFigures}. */
export interface BriefFiguresInput {
  /** Count per boundary feature for the current filters and months (all areas, not only the selected). */
  areaCounts: ArrayLike<number> | null;
  /** Residents per boundary feature, when known. */
  population: ArrayLike<number> | null;
  /** Indices of the selected features (empty = the whole city). */
  selected: readonly number[];
  /** Monthly totals of the current selection, the first month, and the brushed range (indices). */
  monthly: ArrayLike<number>;
  firstMonth: string;
  brush: [number, number];
}

/** What the brief shows. */
export interface BriefFigures {
  /** Count of the subject (selected areas, or the whole city) in the period. */
  count: number;
  /** Count of the whole city in the period, when areas are known. */
  cityCount: number | null;
  /** Subject's share of the city's count (0–1), when areas are selected. */
  share: number | null;
  /** Residents of the subject and of the city, when known. */
  population: number | null;
  cityPopulation: number | null;
  /** Length of the period in years (months / 12). */
  years: number;
  /** Crude rates per 100,000 residents per year (null without population). */
  rate: number | null;
  cityRate: number | null;
  /** Yearly totals of the selection over the period. */
  trend: YearTotal[];
}

const PER = 100_000;

/** Computes the brief's figures (see {@link BriefFigures}). */
export function briefFigures(input: BriefFiguresInput): BriefFigures {
  const [from, to] = input.brush;
  const years = (to - from + 1) / 12;
  const trend = yearlyTotals(input.monthly, input.firstMonth, from, to);
  const monthlyTotal = trend.reduce((a, y) => a + y.total, 0);
  const sum = (values: ArrayLike<number>, indices: readonly number[] | null) => {
    let s = 0;
    if (indices) for (const i of indices) s += values[i] ?? 0;
    else for (let i = 0; i < values.length; i++) s += values[i] ?? 0;
    return s;
  };
  const whole = input.selected.length === 0;
  const cityCount = input.areaCounts ? sum(input.areaCounts, null) : null;
  const count = whole || !input.areaCounts ? monthlyTotal : sum(input.areaCounts, input.selected);
  const population = input.population ? sum(input.population, whole ? null : input.selected) : null;
  const cityPopulation = input.population ? sum(input.population, null) : null;
  const rateOf = (c: number, p: number | null) => (p && p > 0 && years > 0 ? (c / p / years) * PER : null);
  return {
    count,
    cityCount: whole ? monthlyTotal : cityCount,
    share: !whole && cityCount ? count / cityCount : null,
    population,
    cityPopulation,
    years,
    rate: rateOf(count, population),
    cityRate: rateOf(whole ? monthlyTotal : (cityCount ?? 0), cityPopulation),
    trend,
  };
}
