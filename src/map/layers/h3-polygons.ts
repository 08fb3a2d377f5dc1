/** H3 cell outlines as [lon, lat] rings for polygon layers, computed once per cell. */
import { loadedH3 } from '../../geo/h3-loader';

const cache = new Map<string, [number, number][]>();

/** The closed boundary ring of an H3 cell in GeoJSON order ([lon, lat]); h3-js must be loaded (`loadH3`). */
export function cellPolygon(cell: string): [number, number][] {
  let ring = cache.get(cell);
  if (!ring) {
    ring = loadedH3().cellToBoundary(cell, true) as [number, number][];
    if (cache.size > 500_000) cache.clear();
    cache.set(cell, ring);
  }
  return ring;
}
