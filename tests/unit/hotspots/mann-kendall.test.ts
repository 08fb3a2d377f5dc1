import { describe, expect, it } from 'vitest';
import { mannKendall } from '../../../src/analysis/hotspots/mann-kendall';

// Reference values from base R (Kendall::MannKendall is not packaged for this system):
//   Rscript tests/fixtures/hotspots/mann-kendall-bh-reference.R
// which calls cor.test(seq_along(y), y, method = "kendall", exact = FALSE, continuity = TRUE).
const R_CASES = [
  {
    y: [5, 7, 6, 9, 8, 12, 11, 14, 13, 15, 18, 17],
    s: 56,
    z: 3.7714901472805789,
    p: 0.00016227556647604316,
    tau: 0.84848484848484851,
  },
  {
    y: [3, 3, 2, 4, 2, 1, 1, 0, 1, -1, 0, -2],
    s: -50,
    z: -3.4139917700289266,
    p: 0.00064018509551538947,
    tau: -0.79455215770466026,
  },
  {
    y: [2.5, -0.3, 1.1, 0.4, -1.2, 2.0, 0.9, -0.7, 1.6, 0.2, -0.1, 0.8, 1.3, -0.5, 0.6],
    s: -13,
    z: -0.5938459911664723,
    p: 0.55261512506284827,
    tau: -0.12380952380952383,
  },
];

describe('mannKendall', () => {
  it('matches R cor.test(kendall, exact = FALSE, continuity = TRUE) incl. ties, within 1e-12', () => {
    for (const c of R_CASES) {
      const r = mannKendall(c.y);
      expect(r.s).toBe(c.s);
      expect(Math.abs(r.z - c.z)).toBeLessThan(1e-12);
      expect(Math.abs(r.p - c.p)).toBeLessThan(1e-12);
      expect(Math.abs(r.tau - c.tau)).toBeLessThan(1e-12);
    }
  });

  it('matches a hand-worked example without ties: y = 1, 3, 2, 4', () => {
    // Pairs: (1,3)+ (1,2)+ (1,4)+ (3,2)− (3,4)+ (2,4)+  → S = 4.
    // var S = 4·3·13/18 = 26/3; z = (4 − 1)/sqrt(26/3); τ = 4/6.
    const r = mannKendall(Float64Array.from([1, 3, 2, 4]));
    expect(r.s).toBe(4);
    expect(Math.abs(r.varS - 26 / 3)).toBeLessThan(1e-12);
    expect(Math.abs(r.z - 3 / Math.sqrt(26 / 3))).toBeLessThan(1e-12);
    expect(Math.abs(r.tau - 2 / 3)).toBeLessThan(1e-12);
    // R: z = 1.0190493307301363, p = 0.30817954746705395.
    expect(Math.abs(r.p - 0.30817954746705395)).toBeLessThan(1e-12);
  });

  it('matches a hand-worked example with a tie: y = 1, 1, 2', () => {
    // S = 0 + 1 + 1 = 2; var S = (3·2·11 − 2·1·9)/18 = 8/3; z = 1/sqrt(8/3); τ-b = 2/sqrt((3 − 1)·3).
    const r = mannKendall([1, 1, 2]);
    expect(r.s).toBe(2);
    expect(Math.abs(r.varS - 8 / 3)).toBeLessThan(1e-12);
    expect(Math.abs(r.z - 1 / Math.sqrt(8 / 3))).toBeLessThan(1e-12);
    expect(Math.abs(r.tau - 2 / Math.sqrt(6))).toBeLessThan(1e-12);
    expect(Math.abs(r.p - 0.54029137460742005)).toBeLessThan(1e-12);
  });

  it('gives S = 0, z = 0, p = 1 and τ = NaN for a constant series', () => {
    const r = mannKendall([2, 2, 2, 2]);
    expect(r.s).toBe(0);
    expect(r.varS).toBe(0);
    expect(r.z).toBe(0);
    expect(r.p).toBe(1);
    expect(Number.isNaN(r.tau)).toBe(true);
  });

  it('is antisymmetric: reversing the series flips S, z and τ', () => {
    const y = R_CASES[0]?.y ?? [];
    const a = mannKendall(y);
    const b = mannKendall([...y].reverse());
    expect(b.s).toBe(-a.s);
    expect(Math.abs(b.z + a.z)).toBeLessThan(1e-15);
    expect(Math.abs(b.tau + a.tau)).toBeLessThan(1e-15);
  });

  it('rejects short or non-finite series', () => {
    expect(() => mannKendall([1])).toThrow(RangeError);
    expect(() => mannKendall([1, Number.NaN, 2])).toThrow(/not finite/);
  });
});
