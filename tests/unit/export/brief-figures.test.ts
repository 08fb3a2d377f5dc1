import { describe, expect, it } from 'vitest';
import { briefFigures } from '../../../src/ui/brief/brief-figures';

describe('briefFigures', () => {
  const monthly = Float64Array.from({ length: 24 }, () => 5); // 2020-01..2021-12, 5 a month
  const base = {
    areaCounts: Float64Array.from([30, 60, 30]),
    population: Float64Array.from([10_000, 20_000, 30_000]),
    monthly,
    firstMonth: '2020-01',
    brush: [0, 23] as [number, number],
  };

  it('whole city: count from the series, rate = count / population / years × 100,000', () => {
    const f = briefFigures({ ...base, selected: [] });
    expect(f.count).toBe(120);
    expect(f.years).toBe(2);
    expect(f.population).toBe(60_000);
    expect(f.rate).toBeCloseTo((120 / 60_000 / 2) * 100_000, 10);
    expect(f.share).toBeNull();
    expect(f.trend.map((y) => y.total)).toEqual([60, 60]);
  });

  it('selected areas: their count, share of the city, and both rates', () => {
    const f = briefFigures({ ...base, selected: [1] });
    expect(f.count).toBe(60);
    expect(f.cityCount).toBe(120);
    expect(f.share).toBeCloseTo(0.5, 12);
    expect(f.rate).toBeCloseTo((60 / 20_000 / 2) * 100_000, 10);
    expect(f.cityRate).toBeCloseTo((120 / 60_000 / 2) * 100_000, 10);
  });

  it('gives no rate without population', () => {
    const f = briefFigures({ ...base, population: null, selected: [0] });
    expect(f.rate).toBeNull();
    expect(f.cityRate).toBeNull();
  });
});
