import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../src/analysis/hotspots/benjamini-hochberg';
import { fixturePath } from './shared-data';

describe('benjaminiHochberg', () => {
  it('equals R p.adjust(p, "BH") (values recorded from mann-kendall-bh-reference.R), 1e-15', () => {
    const p = Float64Array.from([0.01, 0.04, 0.03, 0.005, 0.2, 0.5, 0.04, 0.9, 0.001, 0.06]);
    const expected = [
      0.033333333333333333, 0.066666666666666666, 0.066666666666666666, 0.025000000000000001, 0.25,
      0.55555555555555558, 0.066666666666666666, 0.90000000000000002, 0.01, 0.085714285714285715,
    ];
    const q = benjaminiHochberg(p);
    expected.forEach((e, i) => {
      expect(Math.abs((q[i] as number) - e)).toBeLessThan(1e-15);
    });
  });

  it('leaves NaN out of m and returns NaN for it, like R NA (R: 0.04, NA, 0.8, 0.04, 0.04)', () => {
    const q = benjaminiHochberg(Float64Array.from([0.02, Number.NaN, 0.8, 0.01, 0.03]));
    expect(Number.isNaN(q[1])).toBe(true);
    for (const [i, e] of [
      [0, 0.04],
      [2, 0.8],
      [3, 0.04],
      [4, 0.04],
    ] as const) {
      expect(Math.abs((q[i] as number) - e)).toBeLessThan(1e-15);
    }
  });

  it('equals R p.adjust on the 159 Bronx Gi* p-values within 1e-12', () => {
    const rows = readFileSync(fixturePath('bronx-r8-gi-star-r.csv'), 'utf8').trim().split('\n').slice(1);
    const p = Float64Array.from(rows.map((r) => Number(r.split(',')[3])));
    const expected = rows.map((r) => Number(r.split(',')[4]));
    const q = benjaminiHochberg(p);
    expected.forEach((e, i) => {
      expect(Math.abs((q[i] as number) - e)).toBeLessThan(1e-12);
    });
    expect(expected.filter((e) => e <= 0.05).length).toBeGreaterThan(5);
  });

  it('is monotone in p, never below p, never above 1', () => {
    const p = Float64Array.from([0.9, 0.001, 0.5, 0.02, 0.02, 0.7, 0.3, 0.99]);
    const q = benjaminiHochberg(p);
    const order = Array.from(p.keys()).sort((a, b) => (p[a] as number) - (p[b] as number));
    for (let r = 1; r < order.length; r++) {
      expect(q[order[r] as number] as number).toBeGreaterThanOrEqual(q[order[r - 1] as number] as number);
    }
    p.forEach((v, i) => {
      expect(q[i] as number).toBeGreaterThanOrEqual(v);
      expect(q[i] as number).toBeLessThanOrEqual(1);
    });
  });

  it('handles an empty input and rejects values that are not probabilities', () => {
    expect(benjaminiHochberg(new Float64Array(0)).length).toBe(0);
    expect(() => benjaminiHochberg(Float64Array.from([0.5, 1.2]))).toThrow(RangeError);
    expect(() => benjaminiHochberg(Float64Array.from([-0.1]))).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1] as unknown as Float64Array)).toThrow(TypeError);
  });
});
