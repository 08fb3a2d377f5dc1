import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { areaRates } from '../../../src/analysis/rates/area-rates';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/rates');

describe('areaRates: hand-worked example', () => {
  // counts c = [2, 10, 30, 0], residents P = [5,000, 20,000, 40,000, 10,000], T = 2 years
  // person-years n = [10,000, 40,000, 80,000, 20,000], Σn = 150,000, Σc = 42
  // crude per 100,000 per year = [20, 25, 37.5, 0]; b = 42 / 150,000 → 28 per 100,000 per year
  // s² = Σ n (p − b)² / Σn = (6.4e-5 + 3.6e-5 + 7.22e-4 + 1.568e-3) / 150,000 = 1.59333e-8
  // a = s² − b / (Σn / 4) = 1.59333e-8 − 7.46667e-9 = 8.46667e-9 = (127/15)e-9
  // b / nᵢ = [28, 7, 3.5, 14]e-9 → C = [127/547, 127/232, 254/359, 127/337]
  // EB = 28 + C (crude − 28)
  const result = areaRates([2, 10, 30, 0], [5000, 20000, 40000, 10000], { years: 2 });

  it('gives the crude rates, prior and shrinkage weights (1e-12 relative)', () => {
    expect([...result.crude]).toEqual([20, 25, 37.5, 0].map((v) => expect.closeTo(v, 10)));
    expect(result.priorMean).toBeCloseTo(28, 10);
    expect(result.priorVariance / ((127 / 15) * 1e-9 * 1e10) - 1).toBeCloseTo(0, 12);
    const weights = [127 / 547, 127 / 232, 254 / 359, 127 / 337];
    weights.forEach((w, i) => {
      expect(Math.abs((result.weight[i] as number) / w - 1)).toBeLessThan(1e-12);
    });
  });

  it('gives the EB rates (1e-12 relative)', () => {
    const expected = [
      28 - (8 * 127) / 547,
      28 - (3 * 127) / 232,
      28 + (9.5 * 254) / 359,
      28 - (28 * 127) / 337,
    ];
    expected.forEach((e, i) => {
      expect(Math.abs((result.smoothed[i] as number) / e - 1)).toBeLessThan(1e-12);
    });
    // 26.1426, 26.3578, 34.7214, 17.4481 to 4 decimals
    expect([...result.smoothed].map((v) => Number(v.toFixed(4)))).toEqual([
      26.1426, 26.3578, 34.7214, 17.4481,
    ]);
  });

  it('flags rates with RSE = 1/√count above 30% and zero counts', () => {
    expect(result.rse[0]).toBeCloseTo(1 / Math.sqrt(2), 12);
    expect(result.rse[3]).toBe(Number.POSITIVE_INFINITY);
    expect([...result.unreliable]).toEqual([1, 1, 0, 1]);
    const edge = areaRates([11, 12], [1000, 1000], { years: 1 });
    expect([...edge.unreliable]).toEqual([1, 0]);
    const looser = areaRates([11, 12, 5], [1000, 1000, 1000], { years: 1, rseThreshold: 0.5 });
    expect([...looser.unreliable]).toEqual([0, 0, 0]);
  });
});

interface ReferenceRow {
  area: string;
  count: number;
  population: number;
  years: number;
  raw: number;
  estmm: number;
  a: number;
  b: number;
}

function readReference(): Map<string, ReferenceRow[]> {
  const lines = readFileSync(path.join(fixtures, 'eb-reference.csv'), 'utf8').trim().split('\n');
  const header = (lines[0] as string).split(',');
  const cases = new Map<string, ReferenceRow[]>();
  for (const line of lines.slice(1)) {
    const f = line.split(',');
    const get = (name: string) => f[header.indexOf(name)] as string;
    const row: ReferenceRow = {
      area: get('area'),
      count: Number(get('count')),
      population: Number(get('population')),
      years: Number(get('years')),
      raw: Number(get('raw')),
      estmm: Number(get('estmm')),
      a: Number(get('a')),
      b: Number(get('b')),
    };
    const list = cases.get(get('case')) ?? [];
    list.push(row);
    cases.set(get('case'), list);
  }
  return cases;
}

describe('areaRates matches R spdep::EBest (1e-10 relative)', () => {
  const cases = readReference();
  it('has the three reference cases', () => {
    expect([...cases.keys()]).toEqual(['synthetic', 'homogeneous', 'boroughs']);
    expect(cases.get('synthetic')).toHaveLength(40);
  });
  for (const [name, rows] of cases) {
    it(`case ${name}`, () => {
      const first = rows[0] as ReferenceRow;
      const result = areaRates(
        rows.map((r) => r.count),
        rows.map((r) => r.population),
        { years: first.years },
      );
      const rel = (x: number, y: number) => (y === 0 ? Math.abs(x) : Math.abs(x / y - 1));
      expect(rel(result.priorMean, first.b * 1e5)).toBeLessThan(1e-10);
      expect(rel(result.priorVariance, first.a * 1e10)).toBeLessThan(1e-10);
      rows.forEach((r, i) => {
        expect(rel(result.crude[i] as number, r.raw * 1e5)).toBeLessThan(1e-10);
        expect(rel(result.smoothed[i] as number, r.estmm * 1e5)).toBeLessThan(1e-10);
      });
      if (name === 'homogeneous') {
        expect(first.a).toBe(0);
        for (const v of result.smoothed) expect(v).toBeCloseTo(40, 10);
      }
    });
  }
});

describe('areaRates edge cases', () => {
  it('leaves zero-population areas out of the prior and returns NaN for them', () => {
    const withEmpty = areaRates([2, 10, 30, 0, 3], [5000, 20000, 40000, 10000, 0], { years: 2 });
    const without = areaRates([2, 10, 30, 0], [5000, 20000, 40000, 10000], { years: 2 });
    expect(withEmpty.priorMean).toBe(without.priorMean);
    expect(withEmpty.priorVariance).toBe(without.priorVariance);
    expect(withEmpty.areasUsed).toBe(4);
    expect(withEmpty.smoothed[4]).toBeNaN();
    expect(withEmpty.unreliable[4]).toBe(1);
  });

  it('does not depend on the time unit', () => {
    const yearly = areaRates([4, 9, 40], [3000, 9000, 20000], { years: 3 });
    const monthly = areaRates([4, 9, 40], [3000, 9000, 20000], { years: 36, per: 100000 * 12 });
    yearly.smoothed.forEach((v, i) => {
      expect(monthly.smoothed[i]).toBeCloseTo(v, 10);
    });
  });

  it('returns zeros when there are no events', () => {
    const none = areaRates([0, 0], [100, 200], { years: 1 });
    expect([...none.smoothed]).toEqual([0, 0]);
    expect([...none.weight]).toEqual([0, 0]);
  });

  it('validates inputs', () => {
    expect(() => areaRates([1], [1, 2], { years: 1 })).toThrow(RangeError);
    expect(() => areaRates([-1], [10], { years: 1 })).toThrow(/count 0/);
    expect(() => areaRates([1], [Number.NaN], { years: 1 })).toThrow(/population 0/);
    expect(() => areaRates([1], [10], { years: 0 })).toThrow(/years/);
    expect(() => areaRates([1], [10], { years: 1, per: -5 })).toThrow(/per/);
  });
});
