/**
 * Assigns points to polygons: each point gets the index of the first polygon (in feature order) that
 * contains it, or -1. A point on a shared edge therefore counts for one polygon only. A flatbush index of
 * the polygons' bounding boxes keeps this near O(n log m) instead of O(n·m).
 */
import { booleanPointInPolygon } from '@turf/turf';
import Flatbush from 'flatbush';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** A polygon feature as the geo functions accept it. */
export type PolygonFeature = Feature<Polygon | MultiPolygon>;

/** Bounding box `[west, south, east, north]` of a polygon feature. */
export function polygonBbox(feature: PolygonFeature): [number, number, number, number] {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const rings =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  for (const polygon of rings) {
    for (const [x, y] of polygon[0] ?? []) {
      if (x! < west) west = x!;
      if (x! > east) east = x!;
      if (y! < south) south = y!;
      if (y! > north) north = y!;
    }
  }
  return [west, south, east, north];
}

/**
 * For each point, the index of the first containing polygon, or -1.
 * @param lon longitudes, degrees
 * @param lat latitudes, degrees
 * @param polygons features in priority order
 */
export function pointInPolygons(
  lon: Float64Array,
  lat: Float64Array,
  polygons: readonly PolygonFeature[],
): Int32Array {
  if (lon.length !== lat.length)
    throw new RangeError('pointInPolygons: lon and lat must have the same length');
  const out = new Int32Array(lon.length).fill(-1);
  if (polygons.length === 0) return out;
  const index = new Flatbush(polygons.length);
  for (const p of polygons) index.add(...polygonBbox(p));
  index.finish();
  const point: [number, number] = [0, 0];
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i]!;
    const y = lat[i]!;
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    const hits = index.search(x, y, x, y);
    if (hits.length === 0) continue;
    hits.sort((a, b) => a - b);
    point[0] = x;
    point[1] = y;
    for (const h of hits) {
      if (booleanPointInPolygon(point, polygons[h]!)) {
        out[i] = h;
        break;
      }
    }
  }
  return out;
}
