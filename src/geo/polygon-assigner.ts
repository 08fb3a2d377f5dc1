/**
 * Which code assigns points to polygons. By default {@link pointInPolygons} runs in this thread, loaded on
 * first use; the browser app installs one that runs in a Web Worker, so a drawn area or a boundary file on
 * millions of incidents does not freeze the page. This module has no runtime imports, so the first screen can
 * install the worker without loading the geometry code.
 */
import type { PolygonFeature } from './point-in-polygons';

/** For each point, the index of the first polygon (in order) containing it, or -1. */
export type PolygonAssigner = (
  lon: Float64Array,
  lat: Float64Array,
  polygons: readonly PolygonFeature[],
) => Promise<Int32Array>;

let installed: PolygonAssigner | null = null;

/** Replaces how points are assigned to polygons; null goes back to this thread. */
export function setPolygonAssigner(assigner: PolygonAssigner | null): void {
  installed = assigner;
}

/** Assigns points to polygons with the installed assigner, or in this thread when none is installed. */
export async function assignPointsToPolygons(
  lon: Float64Array,
  lat: Float64Array,
  polygons: readonly PolygonFeature[],
): Promise<Int32Array> {
  if (installed) return installed(lon, lat, polygons);
  const { pointInPolygons } = await import('./point-in-polygons');
  return pointInPolygons(lon, lat, polygons);
}
