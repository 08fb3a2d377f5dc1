import type { Feature, Polygon } from 'geojson';

/** An axis-aligned square polygon feature with its south-west corner at (x, y), in degrees. */
export function squareFeature(
  x: number,
  y: number,
  size: number,
  properties: Record<string, unknown> = {},
): Feature<Polygon> {
  return {
    type: 'Feature',
    properties,
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
  };
}
