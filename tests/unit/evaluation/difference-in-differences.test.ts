import { describe, expect, it } from 'vitest';
import { differenceInDifferences } from '../../../src/analysis/evaluation/difference-in-differences';
import { poissonDeviate, seededRandom } from '../../../src/analysis/random';
import { expectClose, LAUNCH, loadPanel, loadReference, PRECINCTS } from './fixture';

// References: tests/fixtures/evaluation/reference.R, R glm(y ~ factor(unit) + factor(period) + treatpost,
// family = quasipoisson) on the 12 Bronx precincts × 168 months; treated = precincts 40 and 42.
const ref = loadReference();
const panel = loadPanel();
const treated = PRECINCTS.map((p) => p === 40 || p === 42);

describe('differenceInDifferences vs R quasi-Poisson two-way fixed effects (1e-6 relative)', () => {
  const did = differenceInDifferences(panel, treated, LAUNCH);

  it('IRR, t-based CI, p-value and dispersion', () => {
    expectClose(did.effect.irr, ref.did.glm.termIrr);
    expectClose(did.effect.interval.lower, ref.did.glm.termLowerT);
    expectClose(did.effect.interval.upper, ref.did.glm.termUpperT);
    expectClose(did.effect.pValue, ref.did.glm.termP);
    expectClose(did.glm.dispersion, ref.did.glm.dispersion);
    expectClose(did.glm.deviance, ref.did.glm.deviance);
    expect(did.glm.dfResidual).toBe(ref.did.glm.dfResidual[0]);
    expect(did.glm.coefficients.length).toBe(1 + 11 + 167 + 1);
  });

  it('normal CIs equal R confint.default', () => {
    const z = differenceInDifferences(panel, treated, LAUNCH, {
      ciDistribution: 'normal',
      eventStudy: false,
    });
    expectClose(z.effect.interval.lower, ref.did.glm.termLowerNormal);
    expectClose(z.effect.interval.upper, ref.did.glm.termUpperNormal);
    expect(z.eventStudy).toBeNull();
  });

  it('2×2 table totals match R and the ratio of ratios', () => {
    const t = did.table;
    expect([t.treatedPre, t.treatedPost, t.comparisonPre, t.comparisonPost]).toEqual(ref.did.table);
    expectClose(t.ratioOfRatios, t.treatedPost / t.treatedPre / (t.comparisonPost / t.comparisonPre), 1e-14);
    // With one common launch and no offset the Poisson fixed-effects estimate equals the ratio of ratios.
    expectClose(did.effect.irr, t.ratioOfRatios, 1e-9);
    expect(did.treatedSeries[0]).toBe((panel[0]?.[0] as number) + (panel[2]?.[0] as number));
  });

  it('event study by year since launch (reference −1) and the joint pre-trend Wald test', () => {
    const es = did.eventStudy;
    expect(es).not.toBeNull();
    if (!es) return;
    const estimated = es.years.filter((y) => !y.reference);
    expect(estimated.map((y) => y.year)).toEqual(ref.eventStudy.years);
    expectClose(
      estimated.map((y) => y.irr),
      ref.eventStudy.glm.termIrr,
    );
    expectClose(
      estimated.map((y) => y.interval.lower),
      ref.eventStudy.glm.termLowerT,
    );
    expectClose(
      estimated.map((y) => y.pValue),
      ref.eventStudy.glm.termP,
    );
    const reference = es.years.find((y) => y.reference);
    expect(reference?.year).toBe(-1);
    expect(reference?.irr).toBe(1);
    expect(es.preTrendTest?.df).toBe(ref.eventStudy.waldDf[0]);
    expectClose(es.preTrendTest?.statistic as number, ref.eventStudy.waldChiSquare);
    expectClose(es.preTrendTest?.pValue as number, ref.eventStudy.waldP);
  });

  it('cluster-robust by unit equals R sandwich::vcovCL(type = "HC0", cadjust = TRUE), t on G − 1 df', () => {
    const cl = differenceInDifferences(panel, treated, LAUNCH, { variance: 'cluster' });
    expect(cl.variance).toBe('cluster');
    expect(cl.warnings.join(' ')).toMatch(
      /Cluster-robust intervals with 2 treated and 10 comparison units are too narrow/,
    );
    expectClose(cl.effect.irr, ref.did.glm.termIrr);
    expectClose(cl.effect.standardError, ref.did.cluster.se);
    expectClose(cl.effect.interval.lower, ref.did.cluster.lower);
    expectClose(cl.effect.interval.upper, ref.did.cluster.upper);
    expectClose(cl.effect.pValue, ref.did.cluster.p);
    const estimated = cl.eventStudy?.years.filter((y) => !y.reference) ?? [];
    expectClose(
      estimated.map((y) => y.standardError),
      ref.eventStudy.clusterSe,
    );
    expectClose(cl.eventStudy?.preTrendTest?.statistic as number, ref.eventStudy.clusterWaldChiSquare);
    // p ≈ 2.8e-10 is computed as 1 − cdf, which keeps only ~1e-7 relative precision this far in the tail
    // (absolute error ~1e-16), so the tolerance here is 1e-5 relative.
    expectClose(cl.eventStudy?.preTrendTest?.pValue as number, ref.eventStudy.clusterWaldP, 1e-5);
  });

  it('reading and guardrails', () => {
    expect(did.reading).toMatch(
      /^Relative to the comparison units, the treated units had 1\.01× the expected events/,
    );
    expect(did.prePeriods).toBe(84);
    expect(did.minPreEventsPerUnit).toBeGreaterThanOrEqual(10);
    expect(did.warnings).toEqual([]);
  });
});

describe('differenceInDifferences: synthetic checks', () => {
  it('ratio-of-ratios identity holds on a seeded random panel with a planted effect', () => {
    const random = seededRandom(11);
    const units = 6;
    const periods = 36;
    const counts = Array.from({ length: units }, (_, u) =>
      Array.from({ length: periods }, (_, t) =>
        poissonDeviate((4 + u) * (1 + 0.2 * Math.cos(t)) * (u < 2 && t >= 18 ? 0.6 : 1), random),
      ),
    );
    const r = differenceInDifferences(counts, [true, true, false, false, false, false], 18, {
      periodsPerYear: 6,
    });
    expectClose(r.effect.irr, r.table.ratioOfRatios, 1e-9);
    expect(r.eventStudy?.years.map((y) => y.year)).toEqual([-3, -2, -1, 0, 1, 2]);
    expect(r.eventStudy?.preTrendTest?.df).toBe(2);
  });

  it('a constant exposure offset leaves the IRR unchanged; a treated-post exposure doubling halves it', () => {
    const base = differenceInDifferences(panel, treated, LAUNCH, { eventStudy: false });
    const constant = panel.map((row) => row.map(() => 2.5));
    const scaled = differenceInDifferences(panel, treated, LAUNCH, { eventStudy: false, exposure: constant });
    expectClose(scaled.effect.irr, base.effect.irr, 1e-9);
    // Doubling the treated units' post-launch exposure doubles their expected counts at the same rate.
    const doubled = panel.map((row, u) => row.map((_, t) => (treated[u] && t >= LAUNCH ? 2 : 1)));
    const rate = differenceInDifferences(panel, treated, LAUNCH, { eventStudy: false, exposure: doubled });
    expectClose(rate.effect.irr, base.effect.irr / 2, 1e-9);
  });

  it('warns about sparse units and rejects invalid panels', () => {
    const counts = [
      [1, 0, 2, 1, 0, 1],
      [3, 4, 2, 5, 3, 4],
      [2, 3, 4, 3, 2, 2],
    ];
    const r = differenceInDifferences(counts, [true, false, false], 3, { eventStudy: false });
    expect(r.warnings.join(' ')).toMatch(/only 3 events before launch/);
    expect(() => differenceInDifferences(counts, [true, true, true], 3)).toThrow(
      /treated and one comparison/,
    );
    expect(() => differenceInDifferences(counts, [true, false], 3)).toThrow(/one flag per unit/);
    expect(() => differenceInDifferences(counts, [true, false, false], 0)).toThrow(/launchPeriod/);
    expect(() =>
      differenceInDifferences(
        [
          [1, 2, 3],
          [1, 2],
        ],
        [true, false],
        1,
      ),
    ).toThrow(/periods, expected 3/);
    expect(() => differenceInDifferences(counts, [1, 0, 0] as unknown as boolean[], 3)).toThrow(TypeError);
    expect(() =>
      differenceInDifferences(counts, [true, false, false], 3, { variance: 'robust' as 'cluster' }),
    ).toThrow(/variance/);
    const zeroUnit = [[0, 0, 0, 0, 0, 0], ...counts.slice(1)];
    expect(() => differenceInDifferences(zeroUnit, [true, false, false], 3, { eventStudy: false })).toThrow(
      /separation/,
    );
  });
});
