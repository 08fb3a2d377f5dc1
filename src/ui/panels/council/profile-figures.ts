/**
 * The figures of one area's profile, shared by the profile panel and the printed brief: its row of the
 * table on screen, its share of the city, its rank among the shown areas and this year against last year
 * as a rate ratio with an exact Poisson 95% CI. In publish mode every input is a published cell (a hidden
 * cell is null), so a figure built on a hidden count comes out null ("withheld").
 */
import { prePostRateRatio } from '../../../analysis/evaluation/pre-post-rate-ratio';
import type { Council, CouncilRow } from './use-council';

/** The parts of {@link Council} the profile reads. */
export type ProfileCouncil = Pick<Council, 'k' | 'rows' | 'yearly' | 'published' | 'hasPopulation'>;

/** Result of {@link areaProfileFigures}. */
export interface AreaProfileFigures {
  row: CouncilRow;
  /** Share of the city's count in the same period (0–1), or null when withheld. */
  share: number | null;
  /** Rank among the shown areas (1 = highest smoothed rate, or count without population), null if hidden. */
  rank: number | null;
  /** How many areas are ranked. */
  ranked: number;
  /** Indices into the yearly series of the two full years compared, or null when there are not two. */
  pair: [number, number] | null;
  /** The area's counts in those years (null = hidden). */
  before: number | null;
  after: number | null;
  ratio: ReturnType<typeof prePostRateRatio> | null;
}

/** The last full year with a full year before it (indices into the yearly series), or null. */
export function comparedYears(council: ProfileCouncil, year: string | null): [number, number] | null {
  const { years, months } = council.yearly;
  let now = year ? years.indexOf(year) : years.length - 1;
  while (now > 0 && months[now] !== 12) now--;
  return now >= 1 && months[now] === 12 && months[now - 1] === 12 ? [now - 1, now] : null;
}

/** The profile of area `i` (index into the boundaries) for `year` (null = the period on screen). */
export function areaProfileFigures(
  council: ProfileCouncil,
  i: number,
  year: string | null,
): AreaProfileFigures | null {
  const row = council.rows[i];
  if (i < 0 || !row) return null;
  const { yearly, k } = council;
  const areaSeries = yearly.areas[i] ?? [];
  const shownRows = council.rows.filter((r) => (council.hasPopulation ? r.smoothedRate : r.count) !== null);
  const key = (r: CouncilRow) => (council.hasPopulation ? (r.smoothedRate ?? 0) : (r.count ?? 0));
  const rank = row.suppressed ? null : shownRows.filter((r) => key(r) > key(row)).length + 1;
  const cityTotal = council.rows.reduce((s, r) => s + (r.count ?? 0), 0);
  const cityShown = council.rows.every((r) => r.count !== null);
  const cityCount = k > 0 ? (council.published?.tables.areaYear.grandTotal ?? null) : cityTotal;
  const yearIndex = year ? yearly.years.indexOf(year) : -1;
  const cityNow =
    k > 0 ? (yearIndex >= 0 ? yearly.city[yearIndex] : cityCount) : cityShown ? cityTotal : null;
  const share = row.count !== null && cityNow ? row.count / cityNow : null;
  const pair = comparedYears(council, year);
  const before = pair ? (areaSeries[pair[0]] ?? null) : null;
  const after = pair ? (areaSeries[pair[1]] ?? null) : null;
  const ratio =
    pair && before !== null && after !== null && before + after > 0
      ? prePostRateRatio({ pre: before, post: after, preExposure: 1, postExposure: 1 })
      : null;
  return { row, share, rank, ranked: shownRows.length, pair, before, after, ratio };
}
