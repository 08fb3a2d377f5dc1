/**
 * The backtest of three ways of choosing places, shared by the app and the command line: for each whole
 * week of a period, every study cell is ranked using only incidents from before that week by
 * (a) "hot now": the cell's expected count for the week from the 365 days before it (count · 7 / 365) plus
 * the near-repeat boost ({@link hotNowRisk}) from the Knox pattern measured on the incidents before the
 * period, i.e. the usual level raised where incidents just happened; (b) last year's Gi* hot spots, cells ranked by the Gi* z-score of their
 * counts over the 365 days before the week (significant hot spots therefore first); (c) last year's counts
 * over the same 365 days. The week's incidents are then scored at the top 1/2/5 % of cells
 * ({@link weekHits}): hit rate and PAI, with their spread over weeks, and the paired weekly difference of
 * each method against last year's counts, the simplest one.
 */
import { cellToLatLng, getHexagonAreaAvg, UNITS } from 'h3-js';
import { getisOrdGiStar } from '../analysis/hotspots/getis-ord-gi-star';
import {
  type PairedDifference,
  pairedDifference,
  type ShareSummary,
  summarizeWeeks,
  type WeekHits,
  weekHits,
} from '../analysis/planning/backtest-scores';
import { cellCentreIndex, hotNowRisk, type NearRepeatWindow } from '../analysis/planning/hot-now';
import { assignHotspotPoints, type HotspotGrid } from './hotspot-pipeline';

/** The ranking methods. */
export const BACKTEST_METHODS = ['hot-now', 'gi-star-last-year', 'counts-last-year'] as const;
/** A ranking method. */
export type BacktestMethod = (typeof BACKTEST_METHODS)[number];

/** Labels of the methods. */
export const BACKTEST_METHOD_LABELS: Record<BacktestMethod, string> = {
  'hot-now': 'Hot now (near-repeat surface)',
  'gi-star-last-year': "Last year's Gi* hot spots",
  'counts-last-year': "Last year's counts",
};

/** Options of {@link runBacktest}. */
export interface BacktestOptions {
  /** First and last day of the period (day numbers); only whole weeks inside it are scored. */
  fromDay: number;
  toDay: number;
  /** Area shares to flag. Default [0.01, 0.02, 0.05]. */
  shares?: number[];
  /** The near-repeat window measured before the period, or null (then hot now is not scored). */
  window: NearRepeatWindow | null;
  /** Look-back of the Gi* and count rankings, days. Default 365. */
  lookbackDays?: number;
}

/** One method's result. */
export interface BacktestMethodResult {
  method: BacktestMethod;
  label: string;
  summary: ShareSummary[];
  /** Weekly hit rate per share (NaN in weeks without incidents). */
  weekly: number[][];
  /** Mean weekly hit-rate difference against last year's counts, per share (null for counts itself). */
  versusCounts: PairedDifference[] | null;
}

/** Result of {@link runBacktest}. */
export interface BacktestResult {
  /** First day (YYYY-MM-DD) of each scored week. */
  weeks: string[];
  cells: number;
  shares: number[];
  methods: BacktestMethodResult[];
  /** Why hot now is missing, when it is. */
  hotNowNote: string | null;
  /** Plain-language reading, one sentence per share. */
  findings: string[];
}

const pct = (v: number) => `${(100 * v).toFixed(1)} %`;

/**
 * Runs the weekly backtest on the study grid.
 *
 * @param points - every incident (location and day), sorted or not; rankings use only days before each week.
 * @param grid - the study grid (cells, neighbours, area).
 */
export function runBacktest(
  points: { lon: Float64Array; lat: Float64Array; day: Int32Array },
  grid: HotspotGrid,
  options: BacktestOptions,
): BacktestResult {
  const shares = options.shares ?? [0.01, 0.02, 0.05];
  const lookback = options.lookbackDays ?? 365;
  const { fromDay, toDay } = options;
  if (!(toDay - fromDay >= 6)) throw new RangeError('The backtest period must hold at least one whole week.');
  const cells = grid.grid.cells;
  const n = cells.length;
  const cellOf = assignHotspotPoints(grid, points).cellIndex;
  const order = Int32Array.from({ length: points.day.length }, (_, i) => i).sort(
    (a, b) => points.day[a]! - points.day[b]!,
  );
  const centres = { lon: new Float64Array(n), lat: new Float64Array(n) };
  cells.forEach((c, j) => {
    const [y, x] = cellToLatLng(c);
    centres.lat[j] = y;
    centres.lon[j] = x;
  });
  const index = cellCentreIndex(centres);
  const cellArea = getHexagonAreaAvg(grid.resolution, UNITS.m2);
  const window = options.window;

  const counts = new Float64Array(n);
  let addAt = 0; // next incident (in day order) to enter the look-back window
  let dropAt = 0; // next incident to leave it
  const weeks: string[] = [];
  const hits: Record<BacktestMethod, WeekHits[]> = {
    'hot-now': [],
    'gi-star-last-year': [],
    'counts-last-year': [],
  };
  for (let start = fromDay; start + 6 <= toDay; start += 7) {
    while (addAt < order.length && points.day[order[addAt]!]! < start) {
      const c = cellOf[order[addAt]!]!;
      if (c >= 0) counts[c]!++;
      addAt++;
    }
    while (dropAt < addAt && points.day[order[dropAt]!]! < start - lookback) {
      const c = cellOf[order[dropAt]!]!;
      if (c >= 0) counts[c]!--;
      dropAt++;
    }
    const weekCells: number[] = [];
    for (let q = addAt; q < order.length && points.day[order[q]!]! <= start + 6; q++)
      weekCells.push(cellOf[order[q]!]!);
    const inWeek = Int32Array.from(weekCells);
    weeks.push(new Date(start * 86_400_000).toISOString().slice(0, 10));
    hits['counts-last-year'].push(weekHits(counts, inWeek, shares));
    hits['gi-star-last-year'].push(
      weekHits(getisOrdGiStar(counts, grid.neighbors, { validate: false }).z, inWeek, shares),
    );
    if (window) {
      const recent: number[] = [];
      for (let q = addAt - 1; q >= 0 && points.day[order[q]!]! >= start - window.days; q--)
        recent.push(order[q]!);
      const risk = hotNowRisk(
        window,
        {
          lon: Float64Array.from(recent, (i) => points.lon[i]!),
          lat: Float64Array.from(recent, (i) => points.lat[i]!),
          day: Int32Array.from(recent, (i) => points.day[i]!),
          cell: Int32Array.from(recent, (i) => cellOf[i]!),
        },
        index,
        cellArea,
        start,
        7,
      );
      for (let c = 0; c < n; c++) risk[c]! += (counts[c]! * 7) / lookback;
      hits['hot-now'].push(weekHits(risk, inWeek, shares));
    }
  }
  if (weeks.length === 0) throw new RangeError('The backtest period holds no whole week.');

  const weekly = (m: BacktestMethod) => shares.map((_, s) => hits[m].map((w) => w.hitRate[s]!));
  const countsWeekly = weekly('counts-last-year');
  const methods: BacktestMethodResult[] = BACKTEST_METHODS.filter((m) => m !== 'hot-now' || window).map(
    (m) => {
      const w = weekly(m);
      return {
        method: m,
        label: BACKTEST_METHOD_LABELS[m],
        summary: summarizeWeeks(hits[m], shares),
        weekly: w,
        versusCounts:
          m === 'counts-last-year' ? null : w.map((series, s) => pairedDifference(series, countsWeekly[s]!)),
      };
    },
  );

  const findings = shares.map((share, s) => {
    const counts = methods.find((m) => m.method === 'counts-last-year')!;
    const parts = methods
      .filter((m) => m.versusCounts)
      .map((m) => {
        const d = m.versusCounts![s]!;
        const verdict = d.low > 0 ? 'beats' : d.high < 0 ? 'loses to' : 'cannot be told apart from';
        return `${m.label} (${pct(m.summary[s]!.hitRate.mean)}) ${verdict} last year's counts (weekly difference ${d.mean >= 0 ? '+' : ''}${(100 * d.mean).toFixed(1)} points, 95 % interval ${(100 * d.low).toFixed(1)} to ${(100 * d.high).toFixed(1)})`;
      });
    const winners = methods.filter((m) => m.versusCounts && m.versusCounts[s]!.low > 0);
    const lead =
      winners.length === 0
        ? `the simplest method, last year's counts (${pct(counts.summary[s]!.hitRate.mean)}), does as well as or better than the others`
        : `${winners.map((m) => m.label).join(' and ')} beat${winners.length === 1 ? 's' : ''} last year's counts (${pct(counts.summary[s]!.hitRate.mean)})`;
    return `Top ${pct(share)} of cells: ${lead}. ${parts.join('; ')}.`;
  });

  return {
    weeks,
    cells: n,
    shares,
    methods,
    hotNowNote: window
      ? null
      : 'No Knox band was significant on the incidents before the period, so there is no near-repeat pattern to build "hot now" from; it is not scored.',
    findings,
  };
}
