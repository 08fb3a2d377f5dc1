import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaRates } from '../../../src/analysis/rates/area-rates';
import { areasGeoJson } from '../../../src/ui/export/areas-geojson';

const square = (x: number): Feature<Geometry> => ({
  type: 'Feature',
  properties: {},
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 0],
        [x + 1, 0],
        [x + 1, 1],
        [x, 1],
        [x, 0],
      ],
    ],
  },
});

describe('areasGeoJson', () => {
  const features = [square(0), square(1), square(2)];
  const counts = Float64Array.from([40, 3, 0]);
  const population = Float64Array.from([100_000, 20_000, 50_000]);
  const rates = areaRates(counts, population, { years: 2 });

  it('keeps geometry and order and writes count, crude rate (count / population / years × 100,000)', () => {
    const fc = areasGeoJson({
      features,
      ids: ['a', 'b', 'c'],
      names: ['A', 'B', 'C'],
      counts,
      rates,
      population,
      unit: 'incidents',
      from: '2020-01',
      to: '2021-12',
    });
    expect(fc.features.map((f) => f.properties?.id)).toEqual(['a', 'b', 'c']);
    expect(fc.features[0]!.geometry).toEqual(features[0]!.geometry);
    const a = fc.features[0]!.properties!;
    expect(a.count).toBe(40);
    expect(a.rate_per_100k_year).toBeCloseTo((40 / 100_000 / 2) * 100_000, 10);
    expect(fc.features[1]!.properties!.rate_per_100k_year).toBeCloseTo((3 / 20_000 / 2) * 100_000, 10);
    expect(fc.features[1]!.properties!.unreliable).toBe(true);
    expect(a.unreliable).toBe(false);
  });

  it('withholds counts 1..k−1 and the rates built on them', () => {
    const fc = areasGeoJson({
      features,
      ids: ['a', 'b', 'c'],
      names: ['A', 'B', 'C'],
      counts,
      rates,
      population,
      unit: 'victims',
      from: '2020-01',
      to: '2021-12',
      suppressBelow: 11,
    });
    const [a, b, c] = fc.features.map((f) => f.properties!);
    expect(a!.count).toBe(40);
    expect(b!.count).toBeNull();
    expect(b!.suppressed).toBe(true);
    expect(b!.rate_per_100k_year).toBeNull();
    expect(b!.smoothed_rate_per_100k_year).toBeNull();
    expect(c!.count).toBe(0);
    expect(c!.suppressed).toBe(false);
  });

  it('rejects mismatched lengths', () => {
    expect(() =>
      areasGeoJson({
        features,
        ids: ['a'],
        names: ['A'],
        counts,
        rates: null,
        unit: 'incidents',
        from: '2020-01',
        to: '2020-12',
      }),
    ).toThrow(RangeError);
  });
});
