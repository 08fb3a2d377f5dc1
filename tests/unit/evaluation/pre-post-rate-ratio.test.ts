import { describe, expect, it } from 'vitest';
import {
  binomialTestP,
  prePostFromSeries,
  prePostRateRatio,
} from '../../../src/analysis/evaluation/pre-post-rate-ratio';
import { expectClose, LAUNCH, loadPanel, loadReference } from './fixture';

// R: poisson.test(x, T) with x = c(post, pre), T = c(postExposure, preExposure); see the fixtures README.
describe('prePostRateRatio vs R poisson.test (1e-6 relative)', () => {
  const cases = loadReference().prePost as {
    x: number[];
    T: number[];
    estimate: number[];
    lower: number[];
    upper: number[];
    p: number[];
  }[];
  for (const c of cases) {
    it(`post ${c.x[0]} / ${c.T[0]} vs pre ${c.x[1]} / ${c.T[1]}`, () => {
      const r = prePostRateRatio({
        post: c.x[0] as number,
        pre: c.x[1] as number,
        postExposure: c.T[0] as number,
        preExposure: c.T[1] as number,
      });
      expectClose(r.rateRatio, c.estimate[0] as number);
      expectClose(r.interval.lower, c.lower[0] as number);
      expectClose(r.interval.upper, c.upper[0] as number);
      expectClose(r.pValue, c.p[0] as number);
    });
  }

  it('90% interval matches R conf.level = 0.9', () => {
    const ref = loadReference();
    const [post, pre] = ref.prePost[0].x as number[];
    const r = prePostRateRatio(
      { post: post as number, pre: pre as number, postExposure: 24, preExposure: 24 },
      { level: 0.9 },
    );
    expectClose(r.interval.lower, ref.prePost90.lower[0]);
    expectClose(r.interval.upper, ref.prePost90.upper[0]);
    expect(r.interval.level).toBe(0.9);
  });

  it('binomial test p-value: hand-worked symmetric case', () => {
    // X ~ Bin(4, 0.5), x = 0: outcomes as unlikely as 0 are {0, 4}, p = 2/16.
    expectClose(binomialTestP(0, 4, 0.5), 0.125, 1e-12);
    expect(binomialTestP(2, 4, 0.5)).toBe(1);
  });

  it('reading states ratio, interval and counts', () => {
    const r = prePostRateRatio({ pre: 20, post: 10, preExposure: 12, postExposure: 12 });
    expect(r.reading).toMatch(/^After launch the area had 0\.50× the monthly events/);
    expect(r.reading).toContain('10 vs 20 events');
    const named = prePostRateRatio(
      { pre: 20, post: 10, preExposure: 12, postExposure: 12 },
      { areaLabel: 'the catchment', eventLabel: 'incidents' },
    );
    expect(named.reading).toMatch(
      /^After launch the catchment had 0\.50× the monthly incidents of the period before/,
    );
  });
});

describe('prePostFromSeries: equal windows around the launch', () => {
  it('uses 24 months each side, launch month excluded, on precinct 40 (matches the R case)', () => {
    const ref = loadReference().prePost[0];
    const y40 = loadPanel()[0] as number[];
    const r = prePostFromSeries(y40, LAUNCH);
    expect(r.preWindow).toEqual([60, 83]);
    expect(r.postWindow).toEqual([85, 108]);
    expect(r.periodsUsed).toBe(24);
    expect(r.preAvailable).toBe(84);
    expect(r.postAvailable).toBe(83);
    expect([r.inputs.post, r.inputs.pre]).toEqual(ref.x);
    expectClose(r.rateRatio, ref.estimate[0]);
    expect(r.reading).toContain('24 periods each side, launch period left out');
  });

  it('shortens both windows to the shorter side and says so', () => {
    const series = [5, 4, 6, 5, 9, 2, 3, 1, 2, 3, 2];
    const r = prePostFromSeries(series, 4);
    expect(r.periodsUsed).toBe(4);
    expect(r.inputs.pre).toBe(20);
    expect(r.inputs.post).toBe(8);
    expect(r.postAvailable).toBe(6);
    expect(r.reading).toMatch(/Only 4 periods per side were available/);
    const withLaunch = prePostFromSeries(series, 4, { excludeLaunch: false, windowLength: 3 });
    expect(withLaunch.postWindow).toEqual([4, 6]);
    expect(withLaunch.inputs.post).toBe(14);
  });

  it('sums exposure over the windows when given', () => {
    const r = prePostFromSeries([2, 2, 0, 4, 4], 2, { windowLength: 2, exposure: [1, 1, 1, 2, 2] });
    expect(r.inputs.preExposure).toBe(2);
    expect(r.inputs.postExposure).toBe(4);
    expectClose(r.rateRatio, 1, 1e-12);
  });
});

describe('validation', () => {
  it('rejects bad counts, exposures, levels and launch indices', () => {
    expect(() => prePostRateRatio({ pre: -1, post: 2, preExposure: 1, postExposure: 1 })).toThrow(RangeError);
    expect(() => prePostRateRatio({ pre: 1.5, post: 2, preExposure: 1, postExposure: 1 })).toThrow(
      /whole-number/,
    );
    expect(() => prePostRateRatio({ pre: 1, post: 2, preExposure: 0, postExposure: 1 })).toThrow(
      /preExposure/,
    );
    expect(() =>
      prePostRateRatio({ pre: 1, post: 2, preExposure: 1, postExposure: 1 }, { level: 95 }),
    ).toThrow(/level/);
    expect(() => prePostFromSeries([1, 2, 3], 0)).toThrow(/at least one period/);
    expect(() => prePostFromSeries([1, 2, 3], 5)).toThrow(/launchIndex/);
    expect(() => prePostFromSeries([1, 2, 3], 1, { windowLength: 0 })).toThrow(/windowLength/);
  });

  it('both windows empty gives NaN ratio and a plain note', () => {
    const r = prePostRateRatio({ pre: 0, post: 0, preExposure: 12, postExposure: 12 });
    expect(Number.isNaN(r.rateRatio)).toBe(true);
    expect(r.pValue).toBe(1);
    expect(r.reading).toMatch(/cannot be estimated/);
  });
});
