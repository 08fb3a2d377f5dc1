import { describe, expect, it } from 'vitest';
import { yearlyTotals, yearTrendSpec } from '../../../src/charts/year-trend-spec';

describe('yearlyTotals', () => {
  it('sums months by calendar year and marks cut years partial', () => {
    // 2019-11 .. 2021-02: 16 months with value = index + 1.
    const monthly = Float64Array.from({ length: 16 }, (_, i) => i + 1);
    const years = yearlyTotals(monthly, '2019-11', 1, 15);
    // 2019: month index 1 (Dec) = 2; 2020: indices 2..13 = 3..14; 2021: indices 14..15 = 15 + 16.
    expect(years).toEqual([
      { year: 2019, total: 2, months: 1 },
      { year: 2020, total: (3 + 14) * 6, months: 12 },
      { year: 2021, total: 31, months: 2 },
    ]);
    expect(() => yearlyTotals(monthly, '2019-11', 3, 16)).toThrow(RangeError);
  });

  it('lays out bars proportional to the totals', () => {
    const spec = yearTrendSpec(
      [
        { year: 2020, total: 50, months: 12 },
        { year: 2021, total: 100, months: 12 },
      ],
      200,
      100,
    );
    const [a, b] = spec.bars;
    expect(b!.height).toBeCloseTo(100 - 32, 10);
    expect(a!.height).toBeCloseTo(b!.height / 2, 10);
    expect(a!.partial).toBe(false);
  });

  it('draws a hidden year as a full-height placeholder with its label, out of the scale and without its value', () => {
    const spec = yearTrendSpec(
      [
        { year: 2020, total: 50, months: 12 },
        { year: 2021, total: 7, months: 12, hidden: { text: '<11' } },
        { year: 2022, total: 25, months: 12 },
      ],
      300,
      100,
    );
    expect(spec.max).toBe(50);
    const [a, h, c] = spec.bars;
    expect(a!.height).toBeCloseTo(100 - 32, 10);
    expect(c!.height).toBeCloseTo(a!.height / 2, 10);
    expect(h!.height).toBeCloseTo(100 - 32, 10);
    expect(h!.hidden).toBe('<11');
    expect(h!.total).toBe(0);
    expect(a!.hidden).toBeNull();
  });
});
