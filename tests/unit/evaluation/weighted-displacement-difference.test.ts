import { describe, expect, it } from 'vitest';
import { weightedDisplacementDifference } from '../../../src/analysis/evaluation/weighted-displacement-difference';
import { expectClose } from './fixture';

// Hand-worked values; the normal quantile qnorm(0.975) = 1.959963984540054 and the p-value from R's pnorm.
const Z975 = 1.959963984540054;

describe('weightedDisplacementDifference (Wheeler & Ratcliffe 2018)', () => {
  it('treated and control only: WDD = ΔA − ΔC, Var = A0 + A1 + C0 + C1', () => {
    const r = weightedDisplacementDifference({
      treated: { pre: 50, post: 30 },
      control: { pre: 40, post: 45 },
    });
    expect(r.wdd).toBe(-25);
    expect(r.variance).toBe(165);
    expectClose(r.z, -25 / Math.sqrt(165), 1e-12);
    // R: 2 * pnorm(-25 / sqrt(165)) = 0.0516250333942386.
    expectClose(r.pValue, 0.0516250333942386, 1e-9);
    expectClose(r.interval.lower, -25 - Z975 * Math.sqrt(165), 1e-9);
    expectClose(r.interval.upper, -25 + Z975 * Math.sqrt(165), 1e-9);
    expect(r.reading).toContain('25.0 fewer events');
  });

  it('with a buffer and its own control: all eight counts enter the variance', () => {
    const r = weightedDisplacementDifference({
      treated: { pre: 50, post: 30 },
      control: { pre: 40, post: 45 },
      displacement: { pre: 20, post: 26 },
      displacementControl: { pre: 30, post: 33 },
    });
    expect(r.wdd).toBe(-20 - 5 + 6 - 3);
    expect(r.variance).toBe(50 + 30 + 40 + 45 + 20 + 26 + 30 + 33);
    expect(r.sharedControl).toBe(false);
  });

  it('with a buffer and a shared control: C counted twice in WDD and four times in the variance', () => {
    const r = weightedDisplacementDifference({
      treated: { pre: 50, post: 30 },
      control: { pre: 40, post: 45 },
      displacement: { pre: 20, post: 26 },
    });
    expect(r.wdd).toBe(-20 + 6 - 2 * 5);
    expect(r.variance).toBe(50 + 30 + 20 + 26 + 4 * (40 + 45));
    expect(r.sharedControl).toBe(true);
  });

  it('unequal windows: rates per unit time, variance X/d²', () => {
    const r = weightedDisplacementDifference(
      { treated: { pre: 48, post: 12 }, control: { pre: 24, post: 12 } },
      { preDuration: 24, postDuration: 12 },
    );
    expect(r.wdd).toBe(1 - 2 - (1 - 1));
    expectClose(r.variance, 48 / 576 + 12 / 144 + 24 / 576 + 12 / 144, 1e-12);
  });

  it('validates its input', () => {
    expect(() =>
      weightedDisplacementDifference({ treated: { pre: -1, post: 2 }, control: { pre: 1, post: 1 } }),
    ).toThrow(RangeError);
    // @ts-expect-error control missing on purpose
    expect(() => weightedDisplacementDifference({ treated: { pre: 1, post: 2 } })).toThrow(TypeError);
    expect(() =>
      weightedDisplacementDifference({
        treated: { pre: 1, post: 2 },
        control: { pre: 1, post: 1 },
        displacementControl: { pre: 1, post: 1 },
      }),
    ).toThrow(/without a displacement/);
    expect(() =>
      weightedDisplacementDifference(
        { treated: { pre: 1, post: 2 }, control: { pre: 1, post: 1 } },
        { preDuration: 0 },
      ),
    ).toThrow(/preDuration/);
    const empty = weightedDisplacementDifference({
      treated: { pre: 0, post: 0 },
      control: { pre: 0, post: 0 },
    });
    expect(Number.isNaN(empty.z)).toBe(true);
  });
});
