import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/analysis/hotspots/benjamini-hochberg';
import {
  classifyEmergingPattern,
  EMERGING_PATTERN_LABELS,
  type EmergingPattern,
  emergingHotSpots,
  emergingPatternFromZ,
  emergingPatternLabel,
} from '../../../src/analysis/hotspots/emerging-hot-spots';
import { getisOrdGiStar, type SpatialNeighbors } from '../../../src/analysis/hotspots/getis-ord-gi-star';
import { mannKendall } from '../../../src/analysis/hotspots/mann-kendall';
import { fixturePath } from './shared-data';

// Hand-built Gi* z series, 10 slices each. With alpha = 0.05 (raw p) a bin is significant when |z| ≥ 1.96.
const HOT_SERIES: Record<string, { z: number[]; code: EmergingPattern }> = {
  new: { z: [0.1, -0.3, 0.5, 0.2, -0.1, 0.4, 0.3, 0, 0.2, 2.5], code: 1 },
  consecutive: { z: [0.1, -0.3, 0.5, 0.2, -0.1, 0.4, 0.3, 2.1, 2.4, 2.6], code: 2 },
  intensifying: { z: [2.0, 2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4, 3.6, 3.8], code: 3 },
  persistent: { z: [3.0, 2.5, 3.1, 2.4, 2.9, 2.6, 2.8, 2.7, 3.2, 2.3], code: 4 },
  diminishing: { z: [3.8, 3.6, 3.4, 3.2, 3.0, 2.8, 2.6, 2.4, 2.2, 2.0], code: 5 },
  sporadic: { z: [2.2, 0.3, 0.1, 2.5, 0.2, -0.4, 0.3, 1.0, 2.1, 2.3], code: 6 },
  oscillating: { z: [-2.2, 0.3, 0.1, -2.5, 0.2, 0.4, 0.3, 1.0, 0.5, 2.3], code: 7 },
  historical: { z: [2.5, 2.6, 2.7, 2.4, 2.8, 2.5, 2.9, 2.6, 2.7, 0.5], code: 8 },
};

describe('emerging pattern rules (hand-built z series, alpha = 0.05 raw, trendAlpha = 0.05)', () => {
  for (const [name, { z, code }] of Object.entries(HOT_SERIES)) {
    it(`${name} hot spot series lands in "${EMERGING_PATTERN_LABELS[code]}"`, () => {
      expect(emergingPatternFromZ(z).pattern).toBe(code);
    });
    it(`${name} cold spot series (the hot series negated) lands in its cold twin`, () => {
      const r = emergingPatternFromZ(z.map((v) => -v));
      expect(r.pattern).toBe(-code);
      expect(emergingPatternLabel(r.pattern)).toBe(EMERGING_PATTERN_LABELS[code].replace('hot', 'cold'));
    });
  }

  it('separates intensifying, persistent and diminishing by the Mann-Kendall trend', () => {
    expect(emergingPatternFromZ(HOT_SERIES.intensifying?.z ?? []).trend.p).toBeLessThan(0.05);
    expect(emergingPatternFromZ(HOT_SERIES.persistent?.z ?? []).trend.p).toBeGreaterThan(0.05);
    const d = emergingPatternFromZ(HOT_SERIES.diminishing?.z ?? []).trend;
    expect(d.p).toBeLessThan(0.05);
    expect(d.z).toBeLessThan(0);
  });

  it('counts "90% of slices" as H ≥ 0.9·T: 9 of 10 hot (final hot) is persistent, 8 of 10 is not', () => {
    expect(emergingPatternFromZ([2.5, 2.6, 1.0, 2.4, 2.8, 2.5, 2.9, 2.6, 2.7, 2.5]).pattern).toBe(4);
    expect(emergingPatternFromZ([2.5, 2.6, 1.0, 2.4, 2.8, 1.0, 2.9, 2.6, 2.7, 2.5]).pattern).toBe(6);
  });

  it('gives no pattern when the final slice is not significant and < 90% of slices were', () => {
    expect(emergingPatternFromZ([0.1, -0.3, 2.5, 0.2, 0.1, 0.4, 0.3, 0, 0.2, 0.3]).pattern).toBe(0);
    expect(emergingPatternFromZ([0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2, 0.1, 0.2]).pattern).toBe(0);
  });

  it('lets the final slice decide the family: 9 hot slices then a cold one is an oscillating cold spot', () => {
    expect(emergingPatternFromZ([2.5, 2.6, 2.7, 2.4, 2.8, 2.5, 2.9, 2.6, 2.7, -2.5]).pattern).toBe(-7);
  });

  it('treats a single hot final slice after a cold history as oscillating, not new', () => {
    expect(classifyEmergingPattern([0, -1, 0, 0, 1], { z: 0, p: 1 })).toBe(7);
    expect(classifyEmergingPattern([0, 0, 0, 0, 1], { z: 0, p: 1 })).toBe(1);
    expect(classifyEmergingPattern([0, 0, 1, 0, 1], { z: 0, p: 1 })).toBe(6);
    expect(classifyEmergingPattern([0, 0, 0, 1, 1], { z: 0, p: 1 })).toBe(2);
  });

  it('uses alpha: |z| = 1.8 is significant at 0.1 (ArcGIS 90%) but not at 0.05', () => {
    const z = [0, 0, 0, 0, 0, 0, 0, 0, 0, 1.8];
    expect(emergingPatternFromZ(z).pattern).toBe(0);
    expect(emergingPatternFromZ(z, { alpha: 0.1 }).pattern).toBe(1);
  });

  it('rejects invalid statuses, labels and options', () => {
    expect(() => classifyEmergingPattern([0, 2], { z: 0, p: 1 })).toThrow(RangeError);
    expect(() => classifyEmergingPattern([], { z: 0, p: 1 })).toThrow(RangeError);
    expect(() => emergingPatternLabel(9)).toThrow(RangeError);
    expect(() => emergingPatternFromZ([1, 2], { alpha: 0 })).toThrow(RangeError);
    expect(() => emergingPatternFromZ([1, 2], { trendAlpha: 1 })).toThrow(RangeError);
  });
});

/** A path of n cells where each cell's neighbours are the cells within `k` steps (self included). */
function pathNeighbors(n: number, k: number): SpatialNeighbors {
  const lists: number[][] = [];
  for (let i = 0; i < n; i++) {
    const l: number[] = [];
    for (let j = Math.max(0, i - k); j <= Math.min(n - 1, i + k); j++) l.push(j);
    lists.push(l);
  }
  const offsets = new Int32Array(n + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] as number) + l.length;
  });
  return { offsets, neighbors: Int32Array.from(lists.flat()) };
}

describe('emergingHotSpots on a synthetic cube', () => {
  const n = 60;
  const slices = 12;
  const nb = pathNeighbors(n, 2);
  /** Deterministic background 0..2 plus `extra(s, c)` edits per slice. */
  const makeCube = (extra: (s: number, c: Float64Array) => void): Float64Array[] => {
    const out: Float64Array[] = [];
    for (let s = 0; s < slices; s++) {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = (i * 7 + s * 3) % 3;
      extra(s, c);
      out.push(c);
    }
    return out;
  };
  // A constant cluster around cell 10 while a competing cluster around cell 30 fades: the cell-10 cluster
  // stands out more every slice (rising Gi*), so it is an intensifying hot spot.
  const cube = makeCube((s, c) => {
    for (let i = 8; i <= 12; i++) c[i] = 10;
    for (let i = 28; i <= 32; i++) c[i] = 10 - s;
  });
  // A cluster around cell 45 that appears only in the last 3 slices: a consecutive hot spot.
  const late = makeCube((s, c) => {
    if (s >= slices - 3) for (let i = 44; i <= 46; i++) c[i] = 14;
  });
  const r = emergingHotSpots(cube, nb);

  it('finds an intensifying cluster and a consecutive cluster', () => {
    expect(r.pattern[10]).toBe(3);
    expect(r.label[10]).toBe('Intensifying hot spot');
    expect(r.trendTau[10] as number).toBeGreaterThan(0.8);
    const l = emergingHotSpots(late, nb);
    expect(l.pattern[45]).toBe(2);
    expect(l.hotCount[45]).toBe(3);
    expect(l.label[45]).toBe('Consecutive hot spot');
  });

  it('is wired exactly: per-slice Gi* + BH, Mann-Kendall of each z series, rule per cell (brute-force check)', () => {
    for (let s = 0; s < slices; s++) {
      const gi = getisOrdGiStar(cube[s] as Float64Array, nb);
      const q = benjaminiHochberg(gi.p);
      expect(Array.from(r.zBySlice[s] as Float64Array)).toEqual(Array.from(gi.z));
      expect(Array.from(r.significanceBySlice[s] as Float64Array)).toEqual(Array.from(q));
      for (let i = 0; i < n; i++) {
        const expected = (q[i] as number) <= 0.05 ? Math.sign(gi.z[i] as number) : 0;
        expect((r.statusBySlice[s] as Int8Array)[i]).toBe(expected);
      }
    }
    for (let i = 0; i < n; i++) {
      const series = r.zBySlice.map((z) => z[i] as number);
      const mk = mannKendall(series);
      expect(r.trendS[i]).toBe(mk.s);
      expect(r.trendZ[i]).toBe(mk.z);
      expect(r.trendP[i]).toBe(mk.p);
      const status = r.statusBySlice.map((st) => st[i] as number);
      expect(r.pattern[i]).toBe(classifyEmergingPattern(status, mk));
      expect(r.hotCount[i]).toBe(status.filter((v) => v === 1).length);
      expect(r.coldCount[i]).toBe(status.filter((v) => v === -1).length);
    }
  });

  it('with fdr off uses raw p-values', () => {
    const raw = emergingHotSpots(cube, nb, { fdr: false });
    const gi = getisOrdGiStar(cube[0] as Float64Array, nb);
    expect(Array.from(raw.significanceBySlice[0] as Float64Array)).toEqual(Array.from(gi.p));
  });

  it('rejects bad cubes and options', () => {
    expect(() => emergingHotSpots([cube[0] as Float64Array], nb)).toThrow(/at least 2/);
    expect(() => emergingHotSpots([cube[0] as Float64Array, new Float64Array(5)], nb)).toThrow(RangeError);
    expect(() => emergingHotSpots([cube[0] as Float64Array, [1] as unknown as Float64Array], nb)).toThrow(
      TypeError,
    );
    expect(() => emergingHotSpots(cube, nb, { alpha: 1.5 })).toThrow(RangeError);
    expect(() => emergingHotSpots(cube, pathNeighbors(n - 1, 1))).toThrow(RangeError);
  });
});

describe('emergingHotSpots on the Bronx yearly cube 2006-2024 (H3 res 8, k = 1) vs R', () => {
  // Reference: Rscript tests/fixtures/hotspots/emerging-reference.R (spdep::localG per year, p.adjust BH,
  // cor.test Kendall per cell, the pattern rules re-implemented in R).
  const fx = JSON.parse(readFileSync(fixturePath('bronx-r8.json'), 'utf8')) as {
    neighborsK1: number[][];
    countsByYear: number[][];
  };
  const csv = (name: string) =>
    readFileSync(fixturePath(name), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((r) => r.split(',').map(Number));
  const refCells = csv('bronx-r8-emerging-r.csv');
  const refZ = csv('bronx-r8-emerging-z-r.csv');
  const lists = fx.neighborsK1;
  const offsets = new Int32Array(lists.length + 1);
  lists.forEach((l, i) => {
    offsets[i + 1] = (offsets[i] as number) + l.length;
  });
  const nb = { offsets, neighbors: Int32Array.from(lists.flat()) };
  const r = emergingHotSpots(
    fx.countsByYear.map((row) => Float64Array.from(row)),
    nb,
  );

  it('has 19 yearly slices of 159 cells', () => {
    expect(fx.countsByYear.length).toBe(19);
    expect(refCells.length).toBe(159);
  });

  it('per-year Gi* z equals spdep::localG within 1e-9', () => {
    let maxDiff = 0;
    refZ.forEach((row, i) => {
      for (let s = 0; s < 19; s++) {
        maxDiff = Math.max(
          maxDiff,
          Math.abs(((r.zBySlice[s] as Float64Array)[i] as number) - (row[s + 1] as number)),
        );
      }
    });
    expect(maxDiff).toBeLessThan(1e-9);
  });

  it('trend S, z, p, tau (1e-9), hot/cold bin counts and pattern codes equal the R reference', () => {
    refCells.forEach((row, i) => {
      const [, s, z, p, tau, hot, cold, pattern] = row as [
        number,
        number,
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      expect(r.trendS[i]).toBe(s);
      expect(Math.abs((r.trendZ[i] as number) - z)).toBeLessThan(1e-9);
      expect(Math.abs((r.trendP[i] as number) - p)).toBeLessThan(1e-9);
      expect(Math.abs((r.trendTau[i] as number) - tau)).toBeLessThan(1e-9);
      expect(r.hotCount[i]).toBe(hot);
      expect(r.coldCount[i]).toBe(cold);
      expect(r.pattern[i]).toBe(pattern);
    });
    // The real cube exercises several patterns: persistent, sporadic, intensifying and none.
    const seen = new Set(Array.from(r.pattern));
    for (const code of [0, 3, 4, 6]) expect(seen.has(code)).toBe(true);
  });
});
