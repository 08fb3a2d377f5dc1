/**
 * Covering statistics on real NYPD incidents (../shared/data): the covering sets, the greedy picks and the
 * exact optimum are each checked against a brute-force computation written independently here (every
 * site against every incident with the haversine distance; greedy by recomputing the union from scratch;
 * the optimum by enumerating every K-subset of sites).
 */
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { haversineMetres } from '../../../src/analysis/nearrepeat/close-pairs';
import { coveringSets } from '../../../src/analysis/planning/covering-sets';
import { coveredWeightOf, maxCoverageExact } from '../../../src/analysis/planning/max-coverage-exact';
import { maxCoverageGreedy } from '../../../src/analysis/planning/max-coverage-greedy';
import { h3CandidateSites } from '../../../src/geo/h3-candidate-sites';
import { loadNypdIncidents, type NypdIncidents, nypdAvailable } from '../nearrepeat/nypd-incidents';

const DAY_2023 = Date.UTC(2023, 0, 1) / 86_400_000;
const DAY_2024 = Date.UTC(2024, 0, 1) / 86_400_000;

function subset(all: NypdIncidents, boro: string, from: number, to: number, limit = Infinity) {
  const keep: number[] = [];
  for (let i = 0; i < all.day.length && keep.length < limit; i++)
    if (all.boro[i] === boro && all.day[i]! >= from && all.day[i]! < to) keep.push(i);
  return {
    lon: Float64Array.from(keep, (i) => all.lon[i]!),
    lat: Float64Array.from(keep, (i) => all.lat[i]!),
    day: Int32Array.from(keep, (i) => all.day[i]!),
  };
}

/** Brute-force covering: every (site, point) pair with the haversine distance. */
function bruteSets(
  sites: { lon: Float64Array; lat: Float64Array },
  pts: { lon: Float64Array; lat: Float64Array },
  r: number,
) {
  const out: number[][] = [];
  for (let j = 0; j < sites.lon.length; j++) {
    const row: number[] = [];
    for (let i = 0; i < pts.lon.length; i++)
      if (haversineMetres(sites.lon[j]!, sites.lat[j]!, pts.lon[i]!, pts.lat[i]!) <= r) row.push(i);
    out.push(row);
  }
  return out;
}

function unionWeight(sets: number[][], picks: number[], w: Float64Array): number {
  const seen = new Set<number>();
  for (const j of picks) for (const i of sets[j]!) seen.add(i);
  let total = 0;
  for (const i of seen) total += w[i]!;
  return total;
}

describe.runIf(nypdAvailable())('maximal covering on NYPD incidents', () => {
  let all: NypdIncidents;
  beforeAll(() => {
    all = loadNypdIncidents();
  });

  it('covering sets and greedy picks equal a brute-force greedy (Bronx 2023, R = 400 m, res 9)', () => {
    const pts = subset(all, 'BRONX', DAY_2023, DAY_2024, 250);
    expect(pts.lon.length).toBe(250);
    const cand = h3CandidateSites(pts.lon, pts.lat, 9, 400);
    const sets = coveringSets(cand, pts, 400);
    const brute = bruteSets(cand, pts, 400);
    for (let j = 0; j < brute.length; j++)
      expect(Array.from(sets.members.subarray(sets.offset[j]!, sets.offset[j + 1]!))).toEqual(brute[j]);
    // Every point within 400 m of a candidate centre is covered by at least one candidate.
    expect(brute.some((row) => row.length > 0)).toBe(true);
    const weights = Float64Array.from({ length: pts.lon.length }, (_, i) => 1 + (i % 3));
    const greedy = maxCoverageGreedy(sets, { k: 6, weights });
    const picks: number[] = [];
    for (let round = 0; round < 6; round++) {
      const base = unionWeight(brute, picks, weights);
      let best = -1;
      let bestGain = 0;
      for (let j = 0; j < brute.length; j++) {
        const gain = unionWeight(brute, [...picks, j], weights) - base;
        if (gain > bestGain) {
          bestGain = gain;
          best = j;
        }
      }
      picks.push(best);
    }
    expect(greedy.picks).toEqual(picks);
    // Ties go to the lowest H3 index: candidates are sorted by index, so an earlier position wins.
    expect([...cand.cells].sort()).toEqual(cand.cells);
    expect(greedy.coveredWeight).toBe(unionWeight(brute, picks, weights));
  });

  it('the exact optimum (HiGHS) equals exhaustive search on small real instances', async () => {
    const highs = await highsLoader();
    // Staten Island has few shootings: every K-subset of candidate sites can be enumerated.
    const cases = [
      { boro: 'STATEN ISLAND', from: DAY_2023, to: DAY_2024, r: 500, res: 8, k: 3 },
      { boro: 'STATEN ISLAND', from: DAY_2023 - 365, to: DAY_2023, r: 400, res: 8, k: 2 },
      { boro: 'MANHATTAN', from: DAY_2023, to: DAY_2023 + 60, r: 600, res: 8, k: 3 },
    ];
    for (const c of cases) {
      const pts = subset(all, c.boro, c.from, c.to);
      expect(pts.lon.length).toBeGreaterThan(10);
      const cand = h3CandidateSites(pts.lon, pts.lat, c.res, c.r);
      const sets = coveringSets(cand, pts, c.r);
      const useful = Array.from({ length: sets.sites }, (_, j) => j).filter(
        (j) => sets.offset[j + 1]! > sets.offset[j]!,
      );
      expect(useful.length).toBeLessThan(90);
      const weights = Float64Array.from(pts.day, (_, i) => (i % 4 === 0 ? 2 : 1));
      let best = 0;
      const choose = (start: number, picked: number[]) => {
        if (picked.length === c.k) {
          best = Math.max(best, coveredWeightOf(sets, picked, weights));
          return;
        }
        for (let a = start; a < useful.length; a++) choose(a + 1, [...picked, useful[a]!]);
      };
      choose(0, []);
      const exact = maxCoverageExact(highs, sets, { k: c.k, weights, timeLimitSeconds: 30 });
      expect(exact.status).toBe('optimal');
      expect(exact.objective).toBe(best);
      expect(exact.picks.length).toBeLessThanOrEqual(c.k);
      const greedy = maxCoverageGreedy(sets, { k: c.k, weights });
      expect(greedy.coveredWeight).toBeLessThanOrEqual(best);
      expect(greedy.coveredWeight).toBeGreaterThanOrEqual((1 - 1 / Math.E) * best);
    }
  });

  it('declines an instance above the size cap and says so', async () => {
    const highs = await highsLoader();
    const pts = subset(all, 'BROOKLYN', DAY_2023, DAY_2024);
    const cand = h3CandidateSites(pts.lon, pts.lat, 10, 800);
    const sets = coveringSets(cand, pts, 800);
    const tooLarge = maxCoverageExact(highs, sets, { k: 10, maxNonzeros: 100 });
    expect(tooLarge.status).toBe('too-large');
    expect(tooLarge.picks).toEqual([]);
  });
});
