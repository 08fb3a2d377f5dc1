/**
 * Sites the user places as the planner's candidates. With the user's sites as the only candidates, the greedy
 * picks equal a brute-force greedy and the exact (HiGHS) optimum equals an enumeration of every K-subset of
 * those sites; the coverage counts equal counts made here with turf's own distance (not the planner's
 * haversine). The whole-number gap of the exact solve leaves the optimum unchanged.
 */
import { distance } from '@turf/turf';
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoCity, generateDemoCity } from '../../../scripts/demo-city/generate-demo-city';
import { coveringSets } from '../../../src/analysis/planning/covering-sets';
import { maxCoverageExact } from '../../../src/analysis/planning/max-coverage-exact';
import { h3CandidateSites } from '../../../src/geo/h3-candidate-sites';
import {
  catchmentFlags,
  dayNumber,
  type ExistingCatchment,
  incidentsBetween,
  type PlanningIncidents,
} from '../../../src/state/planning-inputs';
import { planSites } from '../../../src/state/planning-pipeline';
import { demoPlanningIncidents } from '../../support/demo-planning';
import { loadNypdIncidents, type NypdIncidents, nypdAvailable } from '../nearrepeat/nypd-incidents';

interface Site {
  label: string;
  lon: number;
  lat: number;
}

/** Members of each site's disc by turf's great-circle distance, with the count of near-boundary points. */
function turfSets(sites: Site[], lon: Float64Array, lat: Float64Array, r: number) {
  let borderline = 0;
  const sets = sites.map((s) => {
    const row: number[] = [];
    for (let i = 0; i < lon.length; i++) {
      const d = distance([s.lon, s.lat], [lon[i]!, lat[i]!], { units: 'meters' });
      if (Math.abs(d - r) < 0.01) borderline++;
      if (d <= r) row.push(i);
    }
    return row;
  });
  return { sets, borderline };
}

function unionWeight(sets: number[][], picks: number[], w: ArrayLike<number>): number {
  const seen = new Set<number>();
  for (const j of picks) for (const i of sets[j]!) seen.add(i);
  let total = 0;
  for (const i of seen) total += w[i]!;
  return total;
}

function bruteGreedy(sets: number[][], k: number, w: ArrayLike<number>): number[] {
  const picks: number[] = [];
  for (let round = 0; round < k; round++) {
    const base = unionWeight(sets, picks, w);
    let best = -1;
    let bestGain = 0;
    for (let j = 0; j < sets.length; j++) {
      const gain = unionWeight(sets, [...picks, j], w) - base;
      if (gain > bestGain) {
        bestGain = gain;
        best = j;
      }
    }
    if (best < 0) break;
    picks.push(best);
  }
  return picks;
}

function bruteOptimum(sets: number[][], k: number, w: ArrayLike<number>): number {
  let best = 0;
  const choose = (start: number, picked: number[]) => {
    if (picked.length === k || start === sets.length) {
      best = Math.max(best, unionWeight(sets, picked, w));
      if (picked.length === k) return;
    }
    for (let a = start; a < sets.length; a++) choose(a + 1, [...picked, a]);
  };
  choose(0, []);
  return best;
}

describe('the user’s sites as candidates (demo city, 2024)', () => {
  let city: DemoCity;
  let year: PlanningIncidents;
  let catchments: ExistingCatchment[];
  let sites: Site[];
  beforeAll(() => {
    city = generateDemoCity();
    year = incidentsBetween(demoPlanningIncidents(city), dayNumber('2024-01-01'), dayNumber('2024-12-31'));
    catchments = city.programs.map((p) => ({
      id: p.id,
      name: p.name,
      features: [{ type: 'Feature', properties: {}, geometry: p.catchment } as never],
    }));
    // Nine places: each planted hot spot's centre and 300 m east of two of them (overlapping discs).
    sites = city.truth.hotspots.map((h) => ({ label: `at ${h.id}`, lon: h.centre[0]!, lat: h.centre[1]! }));
    for (const h of city.truth.hotspots.slice(3, 5))
      sites.push({ label: `east of ${h.id}`, lon: h.centre[0]! + 0.0035, lat: h.centre[1]! });
  });

  it('greedy and exact picks equal brute force over the sites; counts equal turf distance counts', async () => {
    const highs = await highsLoader();
    const r = 400;
    const plan = planSites(year, catchments, {
      k: 3,
      radiusMetres: r,
      referenceDay: dayNumber('2024-12-31'),
      weights: { fatal: 2, nonfatal: 1 },
      userSites: sites,
      candidateMode: 'sites',
      exact: { highs, timeLimitSeconds: 30 },
    });
    // The demand: incidents outside every catchment (the same flags as the planner; checked against turf in
    // planner-demo.test.ts).
    const inside = catchmentFlags(year, catchments, 400).inside;
    const open = [...inside.keys()].filter((i) => !inside[i]);
    const lon = Float64Array.from(open, (i) => year.lon[i]!);
    const lat = Float64Array.from(open, (i) => year.lat[i]!);
    const w = open.map((i) => (year.fatal[i] ? 2 : 1));
    const { sets, borderline } = turfSets(sites, lon, lat, r);
    expect(borderline).toBe(0);
    expect(sets.filter((s) => s.length > 0).length).toBeGreaterThanOrEqual(6);

    expect(plan.candidates).toEqual({
      mode: 'sites',
      count: sites.length,
      userSites: sites.length,
      resolution: null,
    });
    const greedy = bruteGreedy(sets, 3, w);
    expect(plan.suggestions.map((s) => s.cell)).toEqual(greedy.map((j) => sites[j]!.label));
    expect(plan.suggestions.every((s) => s.source === 'site')).toBe(true);
    // Newly covered incidents, fatal incidents and victims of each pick, counted from the turf sets.
    const seen = new Set<number>();
    plan.suggestions.forEach((s, rank) => {
      const fresh = sets[greedy[rank]!]!.filter((i) => !seen.has(i));
      for (const i of fresh) seen.add(i);
      expect(s.newlyCovered).toBe(fresh.length);
      expect(s.newlyCoveredFatal).toBe(fresh.filter((i) => year.fatal[open[i]!]).length);
      expect(s.newlyCoveredVictims).toBe(fresh.reduce((a, i) => a + year.victims[open[i]!]!, 0));
      expect(s.lon).toBe(sites[greedy[rank]!]!.lon);
      expect(s.nearestProgram).not.toBeNull();
    });
    expect(plan.greedy.coveredWeight).toBe(unionWeight(sets, greedy, w));

    const best = bruteOptimum(sets, 3, w);
    expect(plan.exact?.status).toBe('optimal');
    expect(plan.exact?.objective).toBe(best);
    const exactPicks = plan.exact!.picks.map((label) => sites.findIndex((s) => s.label === label));
    expect(exactPicks.every((j) => j >= 0)).toBe(true);
    expect(unionWeight(sets, exactPicks, w)).toBe(best);
    expect(plan.greedy.coveredWeight).toBeLessThanOrEqual(best);
  }, 60_000);

  it('“both” puts the sites first among the H3 cells; ties go to the user’s site', () => {
    const base = { k: 2, radiusMetres: 400, referenceDay: dayNumber('2024-12-31') };
    const cells = planSites(year, catchments, base);
    // A site placed exactly on the best cell's centre covers the same incidents: the tie goes to the site.
    const top = cells.suggestions[0]!;
    const tie = planSites(year, catchments, {
      ...base,
      userSites: [{ label: 'Church', lon: top.lon, lat: top.lat }],
      candidateMode: 'both',
    });
    expect(tie.candidates).toMatchObject({ mode: 'both', userSites: 1, count: cells.candidates.count + 1 });
    expect(tie.suggestions[0]).toMatchObject({ cell: 'Church', source: 'site', gain: top.gain });
    expect(tie.suggestions[1]).toMatchObject({ cell: cells.suggestions[1]!.cell, source: 'cell' });
    // With the planted hot spots' centres among the candidates, the first pick is a site, and the cover is
    // never below the cells' alone.
    const both = planSites(year, catchments, { ...base, userSites: sites, candidateMode: 'both' });
    expect(both.suggestions[0]!.source).toBe('site');
    expect(both.greedy.coveredWeight).toBeGreaterThanOrEqual(cells.greedy.coveredWeight);
    expect(cells.suggestions.every((s) => s.source === 'cell')).toBe(true);
  });

  it('refuses a site mode without sites, repeated labels and bad coordinates', () => {
    const base = { k: 2, radiusMetres: 400, referenceDay: dayNumber('2024-12-31') };
    expect(() => planSites(year, catchments, { ...base, candidateMode: 'sites' })).toThrow(
      /needs at least one placed site/,
    );
    expect(() =>
      planSites(year, catchments, {
        ...base,
        userSites: [sites[0]!, { ...sites[1]!, label: sites[0]!.label }],
      }),
    ).toThrow(/two sites are labelled/);
    expect(() =>
      planSites(year, catchments, { ...base, userSites: [{ label: 'x', lon: 200, lat: 0 }] }),
    ).toThrow(/invalid coordinates/);
  });

  it('the whole-number gap gives the same optimum as a zero gap (demo, H3 cells, K = 3, 5, 10)', async () => {
    const highs = await highsLoader();
    const inside = catchmentFlags(year, catchments, 400).inside;
    const open = [...inside.keys()].filter((i) => !inside[i]);
    const pts = {
      lon: Float64Array.from(open, (i) => year.lon[i]!),
      lat: Float64Array.from(open, (i) => year.lat[i]!),
    };
    const weights = Float64Array.from(open, (i) => (year.fatal[i] ? 2 : 1));
    const cand = h3CandidateSites(pts.lon, pts.lat, 9, 400);
    const sets = coveringSets(cand, pts, 400);
    for (const k of [3, 5, 10]) {
      const fast = maxCoverageExact(highs, sets, { k, weights, timeLimitSeconds: 60 });
      const strict = maxCoverageExact(highs, sets, { k, weights, timeLimitSeconds: 60, integerGap: false });
      expect(fast.status).toBe('optimal');
      expect(strict.status).toBe('optimal');
      expect(fast.objective).toBe(strict.objective);
    }
  }, 120_000);
});

const DAY_2023 = Date.UTC(2023, 0, 1) / 86_400_000;

describe.runIf(nypdAvailable())('the user’s sites as candidates on NYPD incidents', () => {
  let all: NypdIncidents;
  beforeAll(() => {
    all = loadNypdIncidents();
  });

  it('exact optimum over ten Bronx places equals enumeration of every 4-subset (2023, R = 500 m)', async () => {
    const keep: number[] = [];
    for (let i = 0; i < all.day.length; i++)
      if (all.boro[i] === 'BRONX' && all.day[i]! >= DAY_2023 && all.day[i]! < DAY_2023 + 365) keep.push(i);
    const pts = {
      lon: Float64Array.from(keep, (i) => all.lon[i]!),
      lat: Float64Array.from(keep, (i) => all.lat[i]!),
    };
    // Ten places on a 0.01° grid across the South Bronx and Tremont.
    const sites: Site[] = [];
    for (let a = 0; a < 5; a++)
      for (let b = 0; b < 2; b++)
        sites.push({
          label: `p${a}${b}`,
          lon: -73.93 + 0.01 * a - 0.005 * b,
          lat: 40.815 + 0.02 * b + 0.005 * a,
        });
    const { sets, borderline } = turfSets(sites, pts.lon, pts.lat, 500);
    expect(borderline).toBe(0);
    const cover = coveringSets(
      { lon: Float64Array.from(sites, (s) => s.lon), lat: Float64Array.from(sites, (s) => s.lat) },
      pts,
      500,
    );
    for (let j = 0; j < sites.length; j++)
      expect(Array.from(cover.members.subarray(cover.offset[j]!, cover.offset[j + 1]!))).toEqual(sets[j]);
    const weights = Float64Array.from(keep, (_, q) => (q % 5 === 0 ? 2 : 1));
    const highs = await highsLoader();
    for (const integerGap of [true, false]) {
      const exact = maxCoverageExact(highs, cover, { k: 4, weights, timeLimitSeconds: 30, integerGap });
      expect(exact.status).toBe('optimal');
      expect(exact.objective).toBe(bruteOptimum(sets, 4, weights));
    }
  }, 60_000);
});
