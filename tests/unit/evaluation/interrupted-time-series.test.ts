import { describe, expect, it } from 'vitest';
import {
  autocorrelation,
  interruptedTimeSeries,
  ljungBox,
} from '../../../src/analysis/evaluation/interrupted-time-series';
import { poissonDeviate, seededRandom } from '../../../src/analysis/random';
import { expectClose, LAUNCH, loadPanel, loadReference } from './fixture';

// References: tests/fixtures/evaluation/reference.R (R 4.2, glm(..., family = quasipoisson,
// control = glm.control(epsilon = 1e-12, maxit = 100))). Tolerance 1e-6 relative throughout.
const ref = loadReference();
const y40 = loadPanel()[0] as number[];

function daysInMonths(n: number): number[] {
  return Array.from({ length: n }, (_, i) => new Date(Date.UTC(2006, i + 1, 0)).getUTCDate());
}

describe('interruptedTimeSeries vs R glm(y ~ t + post + tpost + factor(month), quasipoisson)', () => {
  const its = interruptedTimeSeries(y40, LAUNCH);

  it('coefficients, SEs, dispersion and p-values', () => {
    expectClose(its.glm.coefficients, ref.its.glm.coefficients);
    expectClose(its.glm.standardErrors, ref.its.glm.standardErrors);
    expectClose(its.glm.dispersion, ref.its.glm.dispersion);
    expect(its.glm.names.slice(0, 5)).toEqual(['intercept', 't', 'post', 'tpost', 'month2']);
  });

  it('level and slope change IRRs with t-based CIs (coef ± qt(0.975, df) × SE) and p-values', () => {
    expectClose([its.levelChange.irr, its.slopeChange.irr], ref.its.glm.termIrr);
    expectClose([its.levelChange.interval.lower, its.slopeChange.interval.lower], ref.its.glm.termLowerT);
    expectClose([its.levelChange.interval.upper, its.slopeChange.interval.upper], ref.its.glm.termUpperT);
    expectClose([its.levelChange.pValue, its.slopeChange.pValue], ref.its.glm.termP);
  });

  it('normal CIs equal R confint.default', () => {
    const z = interruptedTimeSeries(y40, LAUNCH, { ciDistribution: 'normal' });
    expectClose([z.levelChange.interval.lower, z.slopeChange.interval.lower], ref.its.glm.termLowerNormal);
    expectClose([z.levelChange.interval.upper, z.slopeChange.interval.upper], ref.its.glm.termUpperNormal);
  });

  it('fitted and counterfactual lines (post terms set to 0)', () => {
    expectClose(its.fitted, ref.its.glm.fitted);
    expectClose(its.counterfactual, ref.its.counterfactual);
    for (let i = 0; i < LAUNCH; i++) expect(its.counterfactual[i]).toBeCloseTo(its.fitted[i] as number, 12);
  });

  it('ACF lags 1–12 of Pearson residuals and Ljung-Box (R acf, Box.test)', () => {
    expectClose(its.autocorrelation.acf, ref.its.acf);
    expectClose(its.autocorrelation.ljungBoxStatistic, ref.its.ljungBoxQ);
    expectClose(its.autocorrelation.pValue, ref.its.ljungBoxP);
    expect(its.autocorrelation.df).toBe(12);
    expect(its.autocorrelation.significant).toBe(false);
    expect(its.autocorrelation.warning).toBeNull();
  });

  it('reading and bookkeeping', () => {
    expect(its.prePeriods).toBe(84);
    expect(its.postPeriods).toBe(84);
    expect(its.reading).toMatch(
      /^At launch the level was 0\.54× the pre-launch trend's projection \(95% CI 0\.38–0\.76/,
    );
    // The end-of-series effect combines both terms: exp(β2 + β3·83).
    expectClose(
      its.effectAtEnd.logEstimate,
      (its.glm.coefficients[2] as number) + 83 * (its.glm.coefficients[3] as number),
      1e-12,
    );
  });
});

describe('interruptedTimeSeries: variants vs R', () => {
  it('log(days in month) offset', () => {
    const r = interruptedTimeSeries(y40, LAUNCH, { exposure: daysInMonths(168) });
    expectClose(r.glm.coefficients, ref.itsOffset.coefficients);
    expectClose(r.glm.standardErrors, ref.itsOffset.standardErrors);
    expectClose([r.levelChange.interval.lower, r.slopeChange.interval.lower], ref.itsOffset.termLowerT);
  });

  it('no seasonality', () => {
    const r = interruptedTimeSeries(y40, LAUNCH, { seasonality: false });
    expect(r.glm.coefficients.length).toBe(4);
    expectClose(r.glm.coefficients, ref.itsNoSeason.coefficients);
    expectClose([r.levelChange.pValue, r.slopeChange.pValue], ref.itsNoSeason.termP);
  });

  it('quarterly series with factor(quarter) and Ljung-Box over 8 lags', () => {
    const q = Array.from(
      { length: 56 },
      (_, k) => (y40[3 * k] as number) + (y40[3 * k + 1] as number) + (y40[3 * k + 2] as number),
    );
    const r = interruptedTimeSeries(q, 28, { frequency: 'quarterly' });
    expect(r.glm.names.slice(4)).toEqual(['quarter2', 'quarter3', 'quarter4']);
    expectClose(r.glm.coefficients, ref.itsQuarterly.glm.coefficients);
    expectClose(r.glm.standardErrors, ref.itsQuarterly.glm.standardErrors);
    expectClose(
      [r.levelChange.interval.lower, r.slopeChange.interval.lower],
      ref.itsQuarterly.glm.termLowerT,
    );
    expectClose(r.autocorrelation.ljungBoxStatistic, ref.itsQuarterly.ljungBoxQ);
    expectClose(r.autocorrelation.pValue, ref.itsQuarterly.ljungBoxP);
    expect(r.reading).toContain('per quarter');
  });

  it('firstSeason aligns the month indicators (closed form: July doubled, series starting in July)', () => {
    // 10 events every month except 20 in every July; the first observation is July.
    const y = Array.from({ length: 48 }, (_, i) => ((6 + i) % 12 === 6 ? 20 : 10));
    const r = interruptedTimeSeries(y, 24, { firstSeason: 6 });
    const coef = (name: string) => r.glm.coefficients[r.glm.names.indexOf(name)] as number;
    expectClose(coef('month7'), Math.log(2), 1e-8);
    expect(Math.abs(coef('month8'))).toBeLessThan(1e-8);
    expectClose(coef('intercept'), Math.log(10), 1e-8);
    expectClose(r.levelChange.irr, 1, 1e-8);
  });
});

describe('autocorrelation helpers', () => {
  it('ACF of a hand-worked alternating series and Ljung-Box by hand', () => {
    // x = 1, −1, 1, −1: mean 0, c0 = 4; lag-1 sum = −3 → r1 = −0.75; lag-2 sum = 2 → r2 = 0.5.
    const r = autocorrelation([1, -1, 1, -1], 2);
    expectClose(r, [-0.75, 0.5], 1e-12);
    const lb = ljungBox(r, 4);
    expectClose(lb.statistic, 4 * 6 * (0.5625 / 3 + 0.25 / 2), 1e-12);
    expect(lb.df).toBe(2);
  });

  it('warns when residuals are autocorrelated (seeded series with an unmodelled 3-year cycle)', () => {
    const random = seededRandom(7);
    const y = Array.from({ length: 120 }, (_, t) =>
      poissonDeviate(20 * Math.exp(0.5 * Math.sin((2 * Math.PI * t) / 36)), random),
    );
    const r = interruptedTimeSeries(y, 60);
    expect(r.autocorrelation.significant).toBe(true);
    expect(r.autocorrelation.warning).toMatch(/Residuals are autocorrelated/);
    expect(r.reading).toContain('Residuals are autocorrelated');
  });
});

describe('validation', () => {
  it('rejects bad launch index, short series, bad options and exposures', () => {
    expect(() => interruptedTimeSeries(y40, 1)).toThrow(/launchIndex/);
    expect(() => interruptedTimeSeries(y40, 167)).toThrow(/launchIndex/);
    expect(() => interruptedTimeSeries([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5)).toThrow(/too short/);
    expect(() => interruptedTimeSeries(y40, LAUNCH, { frequency: 'weekly' as 'monthly' })).toThrow(
      /frequency/,
    );
    expect(() => interruptedTimeSeries(y40, LAUNCH, { firstSeason: 12 })).toThrow(/firstSeason/);
    expect(() => interruptedTimeSeries(y40, LAUNCH, { exposure: [1, 2] })).toThrow(/exposure/);
    expect(() => interruptedTimeSeries(y40, LAUNCH, { exposure: new Array(168).fill(0) })).toThrow(
      /exposure\[0\]/,
    );
    expect(() => interruptedTimeSeries([...y40.slice(0, 10), -1, ...y40.slice(11)], LAUNCH)).toThrow(
      /counts\[10\]/,
    );
    expect(() => interruptedTimeSeries(y40, LAUNCH, { level: 1 })).toThrow(/level/);
  });
});
