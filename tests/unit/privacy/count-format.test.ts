import { describe, expect, it } from 'vitest';
import {
  formatCi,
  formatCount,
  formatDecimal,
  formatPercentChange,
  formatPValue,
  formatRate,
  formatRatio,
  isSuppressed,
  suppressCounts,
} from '../../../src/analysis/privacy/count-format';
import { seededRandom } from '../../../src/analysis/random';

describe('formatCount', () => {
  it('formats with en-US grouping and the right noun', () => {
    expect(formatCount(1234, { unit: 'incidents' })).toBe('1,234 incidents');
    expect(formatCount(1, { unit: 'victims' })).toBe('1 victim');
    expect(formatCount(1, { unit: 'incidents' })).toBe('1 incident');
    expect(formatCount(2, { unit: 'victims' })).toBe('2 victims');
    expect(formatCount(0, { unit: 'incidents' })).toBe('0 incidents');
    expect(formatCount(1234567)).toBe('1,234,567');
  });

  it('suppresses 1..k−1 but not 0 or k', () => {
    const opts = { unit: 'incidents', suppressBelow: 10 } as const;
    expect(formatCount(0, opts)).toBe('0 incidents');
    expect(formatCount(1, opts)).toBe('<10 incidents');
    expect(formatCount(9, opts)).toBe('<10 incidents');
    expect(formatCount(10, opts)).toBe('10 incidents');
    expect(formatCount(1, { unit: 'victims', suppressBelow: 5 })).toBe('<5 victims');
    expect(formatCount(4, { suppressBelow: 11 })).toBe('<11');
    expect(formatCount(4, { suppressBelow: 0 })).toBe('4');
    expect(formatCount(1, { unit: 'victims', suppressBelow: 1 })).toBe('1 victim');
  });

  it('never reveals a value in 1..k−1 for any k (seeded sweep)', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 2000; i++) {
      const k = Math.floor(random() * 20);
      const v = Math.floor(random() * 30);
      const text = formatCount(v, { suppressBelow: k });
      if (v >= 1 && v < k) expect(text).toBe(`<${k}`);
      else expect(text).toBe(v.toLocaleString('en-US'));
    }
  });

  it('handles missing values and rejects non-counts', () => {
    expect(formatCount(Number.NaN, { unit: 'incidents' })).toBe('—');
    expect(() => formatCount(-1)).toThrow(RangeError);
    expect(() => formatCount(2.5)).toThrow(RangeError);
    expect(() => formatCount(5, { suppressBelow: -1 })).toThrow(RangeError);
    expect(() => formatCount(5, { suppressBelow: 2.5 })).toThrow(RangeError);
  });

  it('isSuppressed matches the rule', () => {
    expect([0, 1, 4, 5].map((v) => isSuppressed(v, 5))).toEqual([false, true, true, false]);
    expect(isSuppressed(3, 0)).toBe(false);
  });
});

describe('formatRate, formatRatio, formatPercentChange', () => {
  it('formats rates and hides rates on suppressed counts', () => {
    expect(formatRate(12.345)).toBe('12.3 per 100,000 per year');
    expect(formatRate(1234.56, { digits: 0 })).toBe('1,235 per 100,000 per year');
    expect(formatRate(3.2, { per: 1000, digits: 2 })).toBe('3.20 per 1,000 per year');
    expect(formatRate(40, { count: 3, suppressBelow: 10 })).toBe('not shown (<10)');
    expect(formatRate(40, { count: 0, suppressBelow: 10 })).toBe('40.0 per 100,000 per year');
    expect(formatRate(40, { count: 12, suppressBelow: 10 })).toBe('40.0 per 100,000 per year');
    expect(formatRate(Number.NaN)).toBe('—');
  });

  it('formats ratios', () => {
    expect(formatRatio(0.7123)).toBe('0.71×');
    expect(formatRatio(1.005, 1)).toBe('1.0×');
    expect(formatRatio(12345.6)).toBe('12,345.60×');
    expect(formatRatio(Number.POSITIVE_INFINITY)).toBe('—');
  });

  it('formats percent changes with an explicit sign', () => {
    expect(formatPercentChange(-0.2934)).toBe('-29.3%');
    expect(formatPercentChange(0.12)).toBe('+12.0%');
    expect(formatPercentChange(0)).toBe('0.0%');
    expect(formatPercentChange(-0.0004)).toBe('0.0%');
    expect(formatPercentChange(1.5, 0)).toBe('+150%');
    expect(formatPercentChange(25)).toBe('+2,500.0%');
    expect(formatPercentChange(Number.NaN)).toBe('—');
  });
});

describe('formatDecimal', () => {
  it('writes fixed decimals with en-US grouping and a dash for non-finite values', () => {
    expect(formatDecimal(2.4149)).toBe('2.41');
    expect(formatDecimal(-0.005, 2)).toBe('-0.01');
    expect(formatDecimal(12345.678, 1)).toBe('12,345.7');
    expect(formatDecimal(Number.NaN)).toBe('—');
    expect(() => formatDecimal(1, -1)).toThrow(RangeError);
  });
});

describe('formatPValue', () => {
  it('uses p < 0.001 and three decimals otherwise', () => {
    expect(formatPValue(0)).toBe('p < 0.001');
    expect(formatPValue(0.00099)).toBe('p < 0.001');
    expect(formatPValue(0.001)).toBe('p = 0.001');
    expect(formatPValue(0.0123)).toBe('p = 0.012');
    expect(formatPValue(0.0496)).toBe('p = 0.050');
    expect(formatPValue(1)).toBe('p = 1.000');
    expect(formatPValue(Number.NaN)).toBe('p = —');
    expect(() => formatPValue(1.2)).toThrow(RangeError);
    expect(() => formatPValue(-0.1)).toThrow(RangeError);
  });
});

describe('formatCi', () => {
  it('formats intervals with an en dash, or "to" around negatives', () => {
    expect(formatCi(0.5812, 0.8649)).toBe('95% CI 0.58–0.86');
    expect(formatCi(0.5812, 0.8649, 0.9, 3)).toBe('90% CI 0.581–0.865');
    expect(formatCi(-0.123, 0.341)).toBe('95% CI -0.12 to 0.34');
    expect(formatCi(1.2, Number.POSITIVE_INFINITY)).toBe('95% CI 1.20–∞');
    expect(formatCi(1200.5, 3400)).toBe('95% CI 1,200.50–3,400.00');
    expect(formatCi(0.1, 0.2, 0.995)).toBe('99.5% CI 0.10–0.20');
    expect(() => formatCi(0, 1, 95)).toThrow(RangeError);
  });
});

describe('suppressCounts', () => {
  it('does nothing when no cell is small', () => {
    expect(suppressCounts([12, 0, 30], 10)).toEqual({
      reasons: ['shown', 'shown', 'shown'],
      totalSuppressed: false,
    });
  });

  it('hides one small cell and the next-smallest positive cell', () => {
    expect(suppressCounts([25, 3, 0, 14, 40], 10).reasons).toEqual([
      'shown',
      'primary',
      'shown',
      'complementary',
      'shown',
    ]);
  });

  it('adds a complement when two small cells could be recovered from their sum', () => {
    // 1 and 1 under a shown total of 102: total − 100 = 2 = 1 + 1 would reveal both
    expect(suppressCounts([1, 1, 100], 10).reasons).toEqual(['primary', 'primary', 'complementary']);
  });

  it('picks the first of equal candidates and never a zero', () => {
    expect(suppressCounts([0, 20, 4, 20], 5).reasons).toEqual(['shown', 'complementary', 'primary', 'shown']);
  });

  it('hides a small total, and the total when no complement exists', () => {
    expect(suppressCounts([3, 2, 0], 10)).toEqual({
      reasons: ['primary', 'primary', 'shown'],
      totalSuppressed: true,
    });
    expect(suppressCounts([3, 9, 0], 10)).toEqual({
      reasons: ['primary', 'primary', 'shown'],
      totalSuppressed: true,
    });
  });

  it('needs no complement when the total is not shown', () => {
    expect(suppressCounts([3, 20], 10, { totalShown: false })).toEqual({
      reasons: ['primary', 'shown'],
      totalSuppressed: false,
    });
  });

  it('is off for k ≤ 1 and validates cells', () => {
    expect(suppressCounts([1, 2], 0).reasons).toEqual(['shown', 'shown']);
    expect(() => suppressCounts([1.5], 5)).toThrow(RangeError);
    expect(() => suppressCounts([-1], 5)).toThrow(RangeError);
  });

  it('on random rows, a shown total minus the shown cells never equals a single hidden small cell', () => {
    const random = seededRandom(99);
    for (let trial = 0; trial < 3000; trial++) {
      const k = 2 + Math.floor(random() * 10);
      const cells = Array.from({ length: 2 + Math.floor(random() * 6) }, () =>
        random() < 0.3 ? 0 : Math.floor(random() * 3 * k),
      );
      const { reasons, totalSuppressed } = suppressCounts(cells, k);
      cells.forEach((c, i) => {
        if (isSuppressed(c, k)) expect(reasons[i]).toBe('primary');
      });
      if (totalSuppressed) continue;
      const hidden = cells.filter((_, i) => reasons[i] !== 'shown');
      if (hidden.length === 0) continue;
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(hidden.some((c) => c >= k)).toBe(true);
    }
  });
});
