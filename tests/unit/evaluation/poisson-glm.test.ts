import { describe, expect, it } from 'vitest';
import {
  choleskyInPlace,
  choleskyInverse,
  choleskySolve,
  designMatrixFromColumns,
  glmWald,
  poissonGlm,
} from '../../../src/analysis/evaluation/poisson-glm';
import { poissonDeviate, seededRandom } from '../../../src/analysis/random';
import { expectClose, LAUNCH, loadPanel, loadReference } from './fixture';

describe('poissonGlm: closed forms', () => {
  it('intercept only: β0 = log(mean y), Pearson dispersion, fixed-φ SE = 1/sqrt(Σy)', () => {
    const y = [3, 7, 2, 9, 4, 0, 5];
    const n = y.length;
    const mean = y.reduce((a, b) => a + b, 0) / n;
    const design = designMatrixFromColumns({ intercept: new Array(n).fill(1) });
    const quasi = poissonGlm(y, design);
    expectClose(quasi.coefficients[0] as number, Math.log(mean), 1e-10);
    const pearson = y.reduce((s, v) => s + (v - mean) ** 2 / mean, 0);
    expectClose(quasi.dispersion, pearson / (n - 1), 1e-10);
    expectClose(quasi.standardErrors[0] as number, Math.sqrt(pearson / (n - 1) / (n * mean)), 1e-9);
    const plain = poissonGlm(y, design, { dispersion: 'fixed' });
    expect(plain.dispersion).toBe(1);
    expectClose(plain.standardErrors[0] as number, 1 / Math.sqrt(n * mean), 1e-9);
    const dev = 2 * y.reduce((s, v) => s + (v > 0 ? v * Math.log(v / mean) : 0) - (v - mean), 0);
    expectClose(quasi.deviance, dev, 1e-9);
  });

  it('two groups: coefficients are log group means; offset gives log(Σy/Σexposure)', () => {
    const y = [4, 6, 5, 12, 9, 15];
    const g = [0, 0, 0, 1, 1, 1];
    const fit = poissonGlm(y, designMatrixFromColumns({ intercept: [1, 1, 1, 1, 1, 1], group: g }));
    expectClose(fit.coefficients[0] as number, Math.log(5), 1e-10);
    expectClose(fit.coefficients[1] as number, Math.log(12 / 5), 1e-10);
    const exposure = [1, 2, 3, 1, 2, 3];
    const withOffset = poissonGlm(y, designMatrixFromColumns({ intercept: new Array(6).fill(1) }), {
      offset: exposure.map(Math.log),
    });
    expectClose(withOffset.coefficients[0] as number, Math.log(51 / 12), 1e-10);
  });

  it('Cholesky solve and inverse agree with a hand-worked 2×2 system', () => {
    // A = [[4, 2], [2, 3]], det 8, A⁻¹ = [[3/8, −2/8], [−2/8, 4/8]]; A x = [2, 1] → x = [0.5, 0].
    const a = Float64Array.from([4, 2, 2, 3]);
    expect(choleskyInPlace(a, 2)).toBe(-1);
    expectClose(choleskySolve(a, 2, [2, 1]), [0.5, 0], 1e-12, 1e-14);
    expectClose(choleskyInverse(a, 2), [3 / 8, -2 / 8, -2 / 8, 4 / 8], 1e-12);
  });

  it('Wald with a contrast equals the single-coefficient result when c is a unit vector', () => {
    const y = [4, 6, 5, 12, 9, 15];
    const fit = poissonGlm(
      y,
      designMatrixFromColumns({ intercept: [1, 1, 1, 1, 1, 1], group: [0, 0, 0, 1, 1, 1] }),
    );
    const a = glmWald(fit, 'group');
    const b = glmWald(fit, [0, 1]);
    expect(b.estimate).toBe(a.estimate);
    expectClose(b.standardError, a.standardError, 1e-14);
    expect(a.distribution).toBe('t');
    expect(a.df).toBe(4);
  });
});

describe('poissonGlm: R glm reference (Bronx precinct 40, ITS design)', () => {
  it('matches R glm(quasipoisson) coefficients, SEs, dispersion, deviance within 1e-6 relative', () => {
    const ref = loadReference().its.glm;
    const y = loadPanel()[0] as number[];
    const n = y.length;
    const cols: Record<string, number[]> = { intercept: [], t: [], post: [], tpost: [] };
    for (let m = 2; m <= 12; m++) cols[`m${m}`] = [];
    for (let i = 0; i < n; i++) {
      cols.intercept?.push(1);
      cols.t?.push(i);
      cols.post?.push(i >= LAUNCH ? 1 : 0);
      cols.tpost?.push(i >= LAUNCH ? i - LAUNCH : 0);
      for (let m = 2; m <= 12; m++) cols[`m${m}`]?.push((i % 12) + 1 === m ? 1 : 0);
    }
    const fit = poissonGlm(y, designMatrixFromColumns(cols));
    expect(fit.converged).toBe(true);
    expectClose(fit.coefficients, ref.coefficients);
    expectClose(fit.standardErrors, ref.standardErrors);
    expectClose(fit.dispersion, ref.dispersion);
    expectClose(fit.deviance, ref.deviance);
    expectClose(fit.fitted, ref.fitted);
    expect(fit.dfResidual).toBe(ref.dfResidual[0]);
  });
});

describe('poissonGlm: errors and scale', () => {
  it('names the column of a rank-deficient design', () => {
    const design = designMatrixFromColumns({ intercept: [1, 1, 1, 1], a: [1, 0, 1, 0], b: [0, 1, 0, 1] });
    expect(() => poissonGlm([1, 2, 3, 4], design)).toThrow(/rank deficient: column "b"/);
  });

  it('reports separation when a group has only zero counts', () => {
    const design = designMatrixFromColumns({ intercept: [1, 1, 1, 1, 1, 1], g: [0, 0, 0, 1, 1, 1] });
    expect(() => poissonGlm([3, 5, 4, 0, 0, 0], design)).toThrow(/separation/);
  });

  it('rejects negative counts, wrong lengths and too few rows', () => {
    const design = designMatrixFromColumns({ intercept: [1, 1, 1] });
    expect(() => poissonGlm([1, -1, 2], design)).toThrow(RangeError);
    expect(() => poissonGlm([1, 2], design)).toThrow(/length/);
    expect(() => poissonGlm([1, 2, 3], design, { offset: [0, 0] })).toThrow(/offset/);
    expect(() => poissonGlm([1], designMatrixFromColumns({ intercept: [1] }))).toThrow(/more observations/);
    expect(() => designMatrixFromColumns({ a: [1, 2], b: [1] })).toThrow(/length/);
  });

  it('fits a 12-unit × 120-month fixed-effects panel (~133 columns) in under a second', () => {
    const random = seededRandom(2024);
    const units = 12;
    const months = 120;
    const y: number[] = [];
    const cols: Record<string, number[]> = { intercept: [] };
    for (let u = 1; u < units; u++) cols[`u${u}`] = [];
    for (let t = 1; t < months; t++) cols[`p${t}`] = [];
    cols.d = [];
    for (let u = 0; u < units; u++) {
      for (let t = 0; t < months; t++) {
        const treated = u < 2 && t >= 60;
        y.push(poissonDeviate(3 * (1 + u / 10) * (1 + 0.3 * Math.sin(t / 6)) * (treated ? 0.7 : 1), random));
        cols.intercept?.push(1);
        for (let k = 1; k < units; k++) cols[`u${k}`]?.push(k === u ? 1 : 0);
        for (let k = 1; k < months; k++) cols[`p${k}`]?.push(k === t ? 1 : 0);
        cols.d?.push(treated ? 1 : 0);
      }
    }
    const design = designMatrixFromColumns(cols);
    expect(design.columns).toBe(132);
    const start = performance.now();
    const fit = poissonGlm(y, design);
    const elapsed = performance.now() - start;
    expect(fit.converged).toBe(true);
    expect(elapsed).toBeLessThan(1000);
    // The planted effect 0.7 should be recovered roughly (seeded data; loose check of sign and size).
    expect(Math.exp(fit.coefficients[131] as number)).toBeGreaterThan(0.55);
    expect(Math.exp(fit.coefficients[131] as number)).toBeLessThan(0.85);
  });
});
