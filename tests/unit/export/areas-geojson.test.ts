/**
 * The areas GeoJSON is written from the areas table behind the CSV download (and `aggregate`): outside
 * publish mode its counts and rates are the hand-worked ones; in publish mode (k = 5, 10, 11, seeded cities
 * with many small area-years) no count property and no whole-number value anywhere holds 1..k−1, every
 * small count reads "<k" with a null count, complementary cells are withheld with their rates, and every
 * cell and area total carries the same text and suppression flag as the CSV line of the same area and year.
 */
import type { Feature, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { aggregateCsv, areaAggregate } from '../../../src/analysis/rates/area-aggregate';
import { areaTable } from '../../../src/state/area-table';
import { areasGeoJson } from '../../../src/ui/export/areas-geojson';
import { councilFixture } from '../../support/council-fixture';

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

/** Every whole-number value in 1..k−1 anywhere in a JSON value, with its path. */
function smallValues(value: unknown, k: number, path = ''): string[] {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 1 && value < k ? [path] : [];
  if (typeof value === 'string')
    return /^\d+$/.test(value) && Number(value) >= 1 && Number(value) < k ? [path] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => smallValues(v, k, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, v]) =>
      key === 'geometry' ? [] : smallValues(v, k, `${path}.${key}`),
    );
  return [];
}

/** CSV lines split on commas (the fixture's names and labels hold none). */
function csvRows(csv: string): string[][] {
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((l) => l.split(','));
}

describe('areasGeoJson', () => {
  it('one period: keeps geometry and order, count and crude rate = count / population / years × 100,000', () => {
    const features = [square(0), square(1), square(2)];
    const population = Float64Array.from([100_000, 20_000, 50_000]);
    const table = areaAggregate({
      ids: ['a', 'b', 'c'],
      names: ['A', 'B', 'C'],
      periods: [{ label: '2020-01 to 2021-12', years: 2, counts: [40, 3, 0] }],
      population,
    });
    const fc = areasGeoJson({ features, ids: ['a', 'b', 'c'], population, unit: 'incidents', table });
    expect(fc.features.map((f) => f.properties?.id)).toEqual(['a', 'b', 'c']);
    expect(fc.features[0]!.geometry).toEqual(features[0]!.geometry);
    const a = fc.features[0]!.properties!;
    expect(a.period).toBe('2020-01 to 2021-12');
    expect(a.count).toBe(40);
    expect(a.status).toBe('shown');
    expect(a.rate_per_100k_year).toBeCloseTo(20, 10);
    expect(fc.features[1]!.properties!.count).toBe(3);
    expect(fc.features[1]!.properties!.rate_per_100k_year).toBeCloseTo(7.5, 10);
    expect(fc.features[1]!.properties!.unreliable).toBe(true);
    expect(a.unreliable).toBe(false);
  });

  it('rejects ids that do not match the table', () => {
    const table = areaAggregate({
      ids: ['a'],
      names: ['A'],
      periods: [{ label: 'p', years: 1, counts: [1] }],
      population: null,
    });
    expect(() => areasGeoJson({ features: [square(0)], ids: ['z'], unit: 'incidents', table })).toThrow(
      /area z is not in the table/,
    );
  });

  for (const k of [5, 10, 11]) {
    it(`publish mode, k = ${k}: the CSV's cells and statuses, no value 1..${k - 1}, complements withheld`, () => {
      let small = 0;
      let complementary = 0;
      for (const seed of [3, 14, 15, 92]) {
        const f = councilFixture(seed, 9, 40);
        const b = f.dataset.boundaries!;
        // The table of the council view in publish mode (use-council), which the CSV is written from.
        const table = areaTable(f.cubes.incidents, {
          ids: b.ids,
          names: b.names,
          population: b.population,
          firstMonth: f.dataset.firstMonth,
          from: 0,
          to: f.dataset.monthCount - 1,
          by: 'year',
          k,
          smooth: 'eb',
        });
        const fc = areasGeoJson({
          features: b.layer.features,
          ids: b.ids,
          population: b.population,
          unit: 'incidents',
          table,
        });
        expect(smallValues(fc, k)).toEqual([]);
        expect(fc.k).toBe(k);
        const byId = new Map(fc.features.map((x) => [x.properties!.id as string, x.properties!]));
        const rows = csvRows(aggregateCsv(table));
        let cells = 0;
        for (const [area, name, period, count, rate, smoothed, , suppressed] of rows) {
          if (area === '(total)') {
            const t = fc.city_totals.find((x) => x.period === period)!;
            expect(t.count_text).toBe(count);
            continue;
          }
          const p = byId.get(area!)!;
          const suffix = period === 'all periods' ? '_total' : `_${period}`;
          expect(p.name).toBe(name === 'area total' ? p.name : name);
          expect(p[`count_text${suffix}`], `${area} ${period}`).toBe(count);
          expect(p[`suppressed${suffix}`]).toBe(suppressed === 'yes');
          if (suffix === '_total') continue;
          cells++;
          const y = Number(period) - 2018;
          const truth = f.counts[b.ids.indexOf(area!)]!.slice(y * 12, y * 12 + 12).reduce((s, v) => s + v, 0);
          const status = p[`status${suffix}`];
          if (status === 'dropped') continue;
          if (truth >= 1 && truth < k) {
            small++;
            expect(count).toBe(`<${k}`);
            expect(status).toBe('primary');
          }
          if (status === 'complementary') {
            complementary++;
            expect(count).toBe('suppressed');
          }
          if (status !== 'shown') {
            expect(p[`count${suffix}`]).toBeNull();
            expect(p[`rate_per_100k_year${suffix}`]).toBeNull();
            expect(p[`smoothed_rate_per_100k_year${suffix}`]).toBeNull();
            expect(rate).toBe('');
            expect(smoothed).toBe('');
          } else expect(p[`count${suffix}`]).toBe(truth);
        }
        expect(cells).toBe(b.ids.length * 4);
      }
      expect(small).toBeGreaterThan(10);
      expect(complementary).toBeGreaterThan(0);
    });
  }
});
