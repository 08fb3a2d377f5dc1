import { describe, expect, it } from 'vitest';
import { areasBbox } from '../../../src/geo/areas-bbox';
import type { PolygonFeature } from '../../../src/geo/point-in-polygons';

const square = (id: string | number, x: number, y: number, size: number): PolygonFeature => ({
  type: 'Feature',
  properties: { id },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + size, y],
        [x + size, y + size],
        [x, y + size],
        [x, y],
      ],
    ],
  },
});

describe('areasBbox', () => {
  const features = [square('A', 0, 0, 1), square(7, 2, 3, 0.5), square('C', -5, -5, 1)];
  it('is the union box of the selected areas, ids compared as text', () => {
    expect(areasBbox(features, 'id', ['A'])).toEqual([0, 0, 1, 1]);
    expect(areasBbox(features, 'id', ['A', '7'])).toEqual([0, 0, 2.5, 3.5]);
  });
  it('is null when nothing matches', () => {
    expect(areasBbox(features, 'id', ['Z'])).toBeNull();
    expect(areasBbox(features, 'name', ['A'])).toBeNull();
  });
});
