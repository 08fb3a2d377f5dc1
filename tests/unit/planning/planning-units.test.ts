/**
 * Hand-worked checks of the planner's small statistics: the hot-now surface against the formula worked
 * out by hand, weekly hit rates against a full sort, the spread against R's quantile type 7, demand weights
 * and caseload sizing.
 */
import { describe, expect, it } from 'vitest';
import { EARTH_RADIUS_METRES } from '../../../src/analysis/nearrepeat/close-pairs';
import type { KnoxResult } from '../../../src/analysis/nearrepeat/knox-test';
import {
  flaggedCellCount,
  pairedDifference,
  rankCells,
  spread,
  weekHits,
} from '../../../src/analysis/planning/backtest-scores';
import { caseloadSites } from '../../../src/analysis/planning/caseload-sites';
import { demandWeights } from '../../../src/analysis/planning/demand-weights';
import { cellCentreIndex, hotNowRisk, nearRepeatWindow } from '../../../src/analysis/planning/hot-now';
import type { MaxCoverageResult } from '../../../src/analysis/planning/max-coverage-greedy';
import { seededRandom } from '../../../src/analysis/random';

const M = (EARTH_RADIUS_METRES * Math.PI) / 180;

function knox(p: number[][]): KnoxResult {
  const observed = [
    [2, 1],
    [30, 12],
    [25, 20],
  ];
  const expected = [
    [1, 1],
    [20, 12],
    [25, 20],
  ];
  const tables = {
    observed,
    expected,
    ratio: observed.map((r, s) => r.map((o, t) => o / expected[s]![t]!)),
    p,
  };
  return {
    ...tables,
    spaceBands: [100, 200],
    timeBands: [7, 14],
    spaceLabels: ['same location', '1–100 m', '101–200 m'],
    timeLabels: ['0–7 days', '8–14 days'],
    cumulative: tables,
    pairsConsidered: 90,
    incidents: 100,
    permutations: 999,
    seed: 1,
  };
}

describe('hot now', () => {
  it('keeps only bands that survive the FDR, and gives no window otherwise', () => {
    const none = nearRepeatWindow(
      knox([
        [0.5, 0.5],
        [0.02, 0.5],
        [0.5, 0.5],
      ]),
    );
    // Six cells: q of p = 0.02 is 0.02 · 6 / 1 = 0.12 > 0.05.
    expect(none).toBeNull();
    const w = nearRepeatWindow(
      knox([
        [0.5, 0.5],
        [0.001, 0.5],
        [0.5, 0.5],
      ]),
    )!;
    expect(w.bands).toHaveLength(1);
    expect(w.bands[0]!.q).toBeCloseTo(0.006, 12);
    expect(w.distanceMetres).toBe(100);
    expect(w.days).toBe(7);
    // (30 − 20) / 100 extra incidents per incident, over π·100² m² and 8 days.
    expect(w.rate[1]![0]).toBeCloseTo(0.1 / (Math.PI * 100 * 100) / 8, 18);
  });

  it('raises cells in the band by the hand-worked amount and nothing beyond', () => {
    const w = nearRepeatWindow(
      knox([
        [0.5, 0.5],
        [0.001, 0.5],
        [0.5, 0.5],
      ]),
    )!;
    // Cell centres on the equator 50 m, 150 m and 250 m east of the incident.
    const cells = cellCentreIndex({
      lon: Float64Array.from([50 / M, 150 / M, 250 / M]),
      lat: new Float64Array(3),
    });
    const incident = {
      lon: Float64Array.from([0]),
      lat: Float64Array.from([0]),
      day: Int32Array.from([100]),
    };
    const area = 100_000;
    const perDay = (0.1 / (Math.PI * 100 * 100) / 8) * area;
    const r1 = hotNowRisk(w, incident, cells, area, 101, 7);
    expect(r1[0]).toBeCloseTo(7 * perDay, 12); // ages 1..7 all in 0–7 days
    expect(r1[1]).toBe(0); // 101–200 m is not significant
    expect(r1[2]).toBe(0); // beyond every band
    const r5 = hotNowRisk(w, incident, cells, area, 105, 7);
    expect(r5[0]).toBeCloseTo(3 * perDay, 12); // ages 5, 6, 7 of 5..11
    expect(hotNowRisk(w, incident, cells, area, 100, 7)[0]).toBe(0); // same day: not before the reference day
  });
});

describe('backtest scores', () => {
  it('weekly hit rates equal a count over a full sort (ties to the lowest position)', () => {
    const random = seededRandom(7);
    for (let trial = 0; trial < 20; trial++) {
      const n = 50 + Math.floor(random() * 400);
      const score = Float64Array.from({ length: n }, () => Math.floor(random() * 6));
      const cellsHit = Int32Array.from({ length: 30 }, () =>
        random() < 0.1 ? -1 : Math.floor(random() * n),
      );
      const shares = [0.01, 0.02, 0.05, 0.3];
      const order = rankCells(score);
      const r = weekHits(score, cellsHit, shares);
      shares.forEach((share, s) => {
        const top = new Set(order.slice(0, flaggedCellCount(share, n)));
        const valid = [...cellsHit].filter((c) => c >= 0);
        expect(r.hitRate[s]).toBeCloseTo(valid.filter((c) => top.has(c)).length / valid.length, 12);
        expect(r.areaShare[s]).toBeCloseTo(flaggedCellCount(share, n) / n, 12);
      });
    }
    expect(flaggedCellCount(0.01, 1147)).toBe(12);
    expect(flaggedCellCount(0.05, 20)).toBe(1);
  });

  it('spread matches R quantile(type = 7) and sd; paired difference by hand', () => {
    // Rscript -e 'x <- c(0.1, 0.4, 0.2, 0.8, 0.5); quantile(x, c(.25,.5,.75), type = 7); sd(x)'
    // gives 0.2 0.4 0.5 and 0.2738612788.
    const s = spread([0.1, 0.4, 0.2, Number.NaN, 0.8, 0.5]);
    expect(s.q1).toBeCloseTo(0.2, 12);
    expect(s.median).toBeCloseTo(0.4, 12);
    expect(s.q3).toBeCloseTo(0.5, 12);
    expect(s.sd).toBeCloseTo(0.2738612788, 9);
    expect(s.mean).toBeCloseTo(0.4, 12);
    const d = pairedDifference([0.3, 0.5, 0.4, Number.NaN], [0.2, 0.3, 0.4, 0.1]);
    expect(d.weeks).toBe(3);
    expect(d.mean).toBeCloseTo(0.1, 12);
    expect(d.high - d.mean).toBeCloseTo((1.959963984540054 * 0.1) / Math.sqrt(3), 12);
  });
});

describe('weights and caseload', () => {
  it('weights fatal, recency and chains as the formula says', () => {
    const w = demandWeights(
      {
        fatal: Uint8Array.from([1, 0, 0]),
        day: Int32Array.from([100, 100, 465]),
        chain: Uint8Array.from([0, 1, 0]),
      },
      { fatal: 2, nonfatal: 1, halfLifeDays: 365, chain: 1.5 },
      465,
    );
    expect(Array.from(w)).toEqual([1, 0.75, 1]);
    expect(() =>
      demandWeights({ fatal: new Uint8Array(1), day: new Int32Array(1) }, { chain: 2 }, 0),
    ).toThrow(RangeError);
  });

  it('sizes sites by caseload and stops at the first that does not fit', () => {
    const greedy = {
      picks: [4, 9, 2],
      gain: [],
      newlyCovered: [250, 90, 40],
      coveredWeight: 0,
      openWeight: 0,
    } as unknown as MaxCoverageResult;
    const r = caseloadSites(greedy, { caseload: 50, teams: 6, years: 2 });
    // 125/yr → 3 teams, 45/yr → 1, 20/yr → 1: 5 of 6 teams.
    expect(r.sites.map((s) => s.teams)).toEqual([3, 1, 1]);
    expect(r.teamsLeft).toBe(1);
    const tight = caseloadSites(greedy, { caseload: 50, teams: 3, years: 2 });
    expect(tight.sites).toHaveLength(1);
  });
});
