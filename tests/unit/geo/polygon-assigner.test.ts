import { booleanPointInPolygon } from '@turf/turf';
import { afterEach, describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/analysis/random';
import type { PolygonFeature } from '../../../src/geo/point-in-polygons';
import { assignPointsToPolygons, setPolygonAssigner } from '../../../src/geo/polygon-assigner';
import { squareFeature } from '../../support/geometry';

const square = (x: number, y: number, size: number): PolygonFeature => squareFeature(x, y, size);

describe('assignPointsToPolygons', () => {
  afterEach(() => setPolygonAssigner(null));

  it('without an installed assigner, gives each point the first polygon turf says contains it', async () => {
    // Overlapping squares: points in both must go to the first.
    const polygons = [square(0, 0, 2), square(1, 1, 2), square(5, 5, 1)];
    const random = seededRandom(3);
    const n = 5000;
    const lon = Float64Array.from({ length: n }, () => random() * 7 - 0.5);
    const lat = Float64Array.from({ length: n }, () => random() * 7 - 0.5);
    const got = await assignPointsToPolygons(lon, lat, polygons);
    const expected = Array.from({ length: n }, (_, i) =>
      polygons.findIndex((p) => booleanPointInPolygon([lon[i]!, lat[i]!], p)),
    );
    expect(Array.from(got)).toEqual(expected);
    expect(expected.filter((e) => e === 1).length).toBeGreaterThan(0);
    expect(expected.filter((e) => e === -1).length).toBeGreaterThan(0);
  });

  it('uses the installed assigner (the app installs a Web Worker one)', async () => {
    const calls: number[] = [];
    setPolygonAssigner(async (lon, _lat, polygons) => {
      calls.push(lon.length, polygons.length);
      return new Int32Array(lon.length).fill(7);
    });
    const got = await assignPointsToPolygons(new Float64Array(3), new Float64Array(3), [square(0, 0, 1)]);
    expect(Array.from(got)).toEqual([7, 7, 7]);
    expect(calls).toEqual([3, 1]);
  });
});
