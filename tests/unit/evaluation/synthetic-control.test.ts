import { describe, expect, it } from 'vitest';
import { simplexLeastSquares, syntheticControl } from '../../../src/analysis/evaluation/synthetic-control';
import { seededRandom } from '../../../src/analysis/random';
import { expectClose, LAUNCH, loadPanel, loadReference, PRECINCTS } from './fixture';

// Reference: R quadprog::solve.QP(Dmat = t(X) %*% X, dvec = t(X) %*% y, Amat = cbind(1, diag(J)),
// bvec = c(1, rep(0, J)), meq = 1) on the pre-launch months (tests/fixtures/evaluation/reference.R).
const ref = loadReference();
const panel = loadPanel();

describe('syntheticControl on precinct 40 vs R quadprog', () => {
  const donors = panel.slice(1);
  const sc = syntheticControl(panel[0] as number[], donors, LAUNCH, {
    donorNames: PRECINCTS.slice(1).map(String),
  });

  it('pre-period objective within 1e-6 relative and weights within 1e-6 absolute', () => {
    expectClose(sc.objective, ref.synth.objective);
    expectClose(sc.weights, ref.synth.weights, 0, 1e-6);
    expectClose(
      sc.weights.reduce((a, b) => a + b, 0),
      1,
      1e-12,
    );
    for (const w of sc.weights) expect(w).toBeGreaterThanOrEqual(0);
  });

  it('every placebo run (donor as treated, other donors as pool) matches quadprog objectives', () => {
    const objectives = donors.map(
      (d, j) =>
        simplexLeastSquares(
          donors.filter((_, k) => k !== j).map((x) => x.slice(0, LAUNCH)),
          d.slice(0, LAUNCH),
        ).objective,
    );
    expectClose(objectives, ref.synth.placeboObjectives);
  });

  it('RMSPE, ratio, gap path and placebo p-value are consistent', () => {
    expectClose(sc.preRmspe, Math.sqrt(sc.objective / LAUNCH), 1e-12);
    const y = panel[0] as number[];
    for (let t = 0; t < y.length; t++)
      expectClose(sc.gap[t] as number, (y[t] as number) - (sc.synthetic[t] as number), 1e-12, 1e-12);
    expectClose(sc.rmspeRatio, sc.postRmspe / sc.preRmspe, 1e-12);
    expect(sc.placebos.length).toBe(11);
    const atLeast = sc.placebos.filter((p) => p.ratio >= sc.rmspeRatio).length;
    expect(sc.pValue).toBe((1 + atLeast) / 12);
    expect(sc.reading).toMatch(/placebo p = /);
    // Precinct 40's pre-RMSPE is close to the Poisson noise floor sqrt(mean) and its level is inside the
    // donors' range (precinct 47 is busier), so no warning.
    expectClose(
      sc.noiseRatio,
      sc.preRmspe / Math.sqrt((panel[0] as number[]).slice(0, LAUNCH).reduce((a, b) => a + b, 0) / LAUNCH),
      1e-12,
    );
    expect(sc.noiseRatio).toBeLessThan(1.5);
    expect(sc.warnings).toEqual([]);
  });

  it('warns when the treated unit is outside the donor range and the fit is poor', () => {
    const random = seededRandom(3);
    const donors = Array.from({ length: 4 }, (_, j) => Array.from({ length: 24 }, () => 2 + j + random()));
    const high = Array.from({ length: 24 }, (_, t) => 30 + (t % 2) * 10);
    const r = syntheticControl(high, donors, 12);
    expect(r.warnings.join(' ')).toMatch(/outside the donors' range/);
    expect(r.warnings.join(' ')).toMatch(/Poor pre-launch fit/);
  });
});

describe('simplexLeastSquares: independent checks', () => {
  it('agrees with a brute-force grid over the 3-donor simplex (step 0.001) to the grid resolution', () => {
    const random = seededRandom(5);
    const m = 20;
    const cols = Array.from({ length: 3 }, () => Array.from({ length: m }, () => 10 * random()));
    const b = Array.from({ length: m }, () => 10 * random());
    const solution = simplexLeastSquares(cols, b);
    const objective = (w: number[]) =>
      b.reduce(
        (s, bt, t) =>
          s + (bt - cols.reduce((acc, c, j) => acc + (w[j] as number) * (c[t] as number), 0)) ** 2,
        0,
      );
    let best = Number.POSITIVE_INFINITY;
    const steps = 1000;
    for (let i = 0; i <= steps; i++) {
      for (let j = 0; j <= steps - i; j++)
        best = Math.min(best, objective([i / steps, j / steps, (steps - i - j) / steps]));
    }
    expect(solution.objective).toBeLessThanOrEqual(best + 1e-9);
    // The grid optimum is within a step of the exact one; the objective gap is second order in the step.
    expect(best - solution.objective).toBeLessThan(1e-2 * best);
    expectClose(solution.objective, objective([...solution.weights]), 1e-12);
  });

  it('satisfies the KKT optimality conditions on 50 seeded random problems (convex: KKT ⇒ global optimum)', () => {
    const random = seededRandom(42);
    for (let rep = 0; rep < 50; rep++) {
      const J = 2 + Math.floor(random() * 10);
      const m = 3 + Math.floor(random() * 20);
      const cols = Array.from({ length: J }, () => Array.from({ length: m }, () => 10 * random()));
      const b = Array.from({ length: m }, () => 12 * random());
      const { weights } = simplexLeastSquares(cols, b);
      const resid = b.map(
        (bt, t) => cols.reduce((acc, c, j) => acc + (weights[j] as number) * (c[t] as number), 0) - bt,
      );
      const g = cols.map((c) => c.reduce((acc, ct, t) => acc + ct * (resid[t] as number), 0));
      const scale = Math.max(1, ...cols.map((c) => c.reduce((acc, v) => acc + v * v, 0)));
      const free = g.filter((_, j) => (weights[j] as number) > 1e-9);
      const lambda = Math.min(...free);
      // Free donors share one gradient value; excluded donors have a gradient at least that large.
      for (const gj of free) expect(Math.abs(gj - lambda) / scale).toBeLessThan(1e-8);
      for (let j = 0; j < J; j++) expect(((g[j] as number) - lambda) / scale).toBeGreaterThan(-1e-8);
      expect(Math.abs(weights.reduce((a, w) => a + w, 0) - 1)).toBeLessThan(1e-12);
    }
  });

  it('recovers planted convex weights exactly (objective ≈ 0)', () => {
    const random = seededRandom(9);
    const cols = Array.from({ length: 5 }, () => Array.from({ length: 30 }, () => 5 + 10 * random()));
    const truth = [0.5, 0, 0.3, 0.2, 0];
    const b = Array.from({ length: 30 }, (_, t) =>
      cols.reduce((s, c, j) => s + (truth[j] as number) * (c[t] as number), 0),
    );
    const solution = simplexLeastSquares(cols, b);
    expectClose(solution.weights, truth, 0, 1e-9);
    expect(solution.objective).toBeLessThan(1e-18 * 30 * 100 + 1e-16);
    expect(solution.kktViolation).toBeLessThanOrEqual(1e-10);
  });

  it('puts all weight on one donor when the target lies beyond it', () => {
    const solution = simplexLeastSquares(
      [
        [1, 1],
        [2, 2],
      ],
      [5, 5],
    );
    expectClose(solution.weights, [0, 1], 0, 1e-12);
    expectClose(solution.objective, 18, 1e-12);
  });

  it('handles collinear donors (duplicate columns) and more donors than pre periods', () => {
    const solution = simplexLeastSquares(
      [
        [1, 2],
        [1, 2],
        [3, 1],
        [0, 5],
      ],
      [1.5, 2.5],
    );
    expect(solution.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    for (const w of solution.weights) expect(w).toBeGreaterThanOrEqual(0);
    expect(solution.objective).toBeLessThan(1e-8);
  });
});

describe('validation', () => {
  it('rejects too few donors, ragged series, non-finite values and bad launch', () => {
    expect(() => syntheticControl([1, 2, 3], [[1, 2, 3]], 2)).toThrow(/at least 2 donor/);
    expect(() =>
      syntheticControl(
        [1, 2, 3],
        [
          [1, 2, 3],
          [1, 2],
        ],
        2,
      ),
    ).toThrow(/donors\[1\] must have 3/);
    expect(() =>
      syntheticControl(
        [1, 2, Number.NaN],
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        2,
      ),
    ).toThrow(/finite/);
    expect(() =>
      syntheticControl(
        [1, 2, 3],
        [
          [1, 2, 3],
          [1, 2, 3],
        ],
        3,
      ),
    ).toThrow(/launchIndex/);
    expect(() =>
      syntheticControl(
        [1, 2, 3],
        [
          [1, 2, 3],
          [2, 2, 3],
        ],
        2,
        { donorNames: ['a'] },
      ),
    ).toThrow(/donorNames/);
    expect(() => simplexLeastSquares([], [1])).toThrow(/at least one donor/);
  });
});
