/**
 * Sensitivity of the suggested sites to the number of sites K and the radius R: for each (R, K), the share
 * of open (not yet covered) weight the greedy picks cover, and how many of the picks are also among the
 * picks of the base choice (the K and R the user chose).
 *
 * Greedy picks are nested in K (the first K picks for K + 1 sites are the picks for K sites), so one greedy
 * run per radius with the largest K gives every row of that radius. Sites are compared by their key (the H3
 * cell of the candidate), so the same place counts as kept whatever the radius.
 */
import type { MaxCoverageResult } from './max-coverage-greedy';

/** The greedy run of one radius, with the largest K of the table. */
export interface SensitivityRun {
  radiusMetres: number;
  greedy: MaxCoverageResult;
  /** Key of every candidate site (same candidates and keys for every radius). */
  siteKeys: readonly string[];
}

/** One row of the table. */
export interface SensitivityRow {
  radiusMetres: number;
  k: number;
  /** Weight covered by the first K picks. */
  coveredWeight: number;
  /** coveredWeight / open weight. */
  share: number;
  /** Keys of the picks, in order. */
  picks: string[];
  /** How many of the picks are among the base picks. */
  sharedWithBase: number;
}

/**
 * The (R, K) table.
 *
 * @param runs - one run per radius.
 * @param ks - the K values (each ≤ the K of the runs).
 * @param base - the base radius and K (must be among the runs and ks).
 */
export function coverageSensitivity(
  runs: readonly SensitivityRun[],
  ks: readonly number[],
  base: { radiusMetres: number; k: number },
): SensitivityRow[] {
  const baseRun = runs.find((r) => r.radiusMetres === base.radiusMetres);
  if (!baseRun) throw new RangeError(`the base radius ${base.radiusMetres} m is not among the runs`);
  const basePicks = new Set(baseRun.greedy.picks.slice(0, base.k).map((j) => baseRun.siteKeys[j]!));
  const rows: SensitivityRow[] = [];
  for (const run of runs) {
    for (const k of ks) {
      if (!Number.isInteger(k) || k < 1) throw new RangeError(`K must be an integer ≥ 1 (got ${k})`);
      const picks = run.greedy.picks.slice(0, k).map((j) => run.siteKeys[j]!);
      const coveredWeight = run.greedy.gain.slice(0, k).reduce((a, b) => a + b, 0);
      rows.push({
        radiusMetres: run.radiusMetres,
        k,
        coveredWeight,
        share: run.greedy.openWeight > 0 ? coveredWeight / run.greedy.openWeight : Number.NaN,
        picks,
        sharedWithBase: picks.filter((p) => basePicks.has(p)).length,
      });
    }
  }
  return rows;
}
