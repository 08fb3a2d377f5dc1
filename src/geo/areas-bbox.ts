/**
 * The extent of a set of boundary areas, to bring them into view.
 */
import { type PolygonFeature, polygonBbox } from './point-in-polygons';

/**
 * Union bounding box [west, south, east, north] of the features whose `idProperty` value (as text) is
 * one of `ids`; null when none matches.
 */
export function areasBbox(
  features: readonly PolygonFeature[],
  idProperty: string,
  ids: readonly string[],
): [number, number, number, number] | null {
  const wanted = new Set(ids);
  let box: [number, number, number, number] | null = null;
  for (const f of features) {
    const v = f.properties?.[idProperty];
    if (v === null || v === undefined || !wanted.has(String(v))) continue;
    const b = polygonBbox(f);
    box = box
      ? [Math.min(box[0], b[0]), Math.min(box[1], b[1]), Math.max(box[2], b[2]), Math.max(box[3], b[3])]
      : b;
  }
  return box;
}
