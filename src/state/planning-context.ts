/**
 * What the planner adds to the incidents before choosing sites, shared by the app and the command line:
 * the near-repeat window measured on the same incidents (Knox test, then the bands that survive the false
 * discovery rate), the Gi* hot spot cells of the window, and the persistent or intensifying hot spots that
 * lie outside every catchment.
 */
import { cellToLatLng } from 'h3-js';
import { emergingPatternLabel } from '../analysis/hotspots/emerging-patterns';
import { hotspotClassLabel } from '../analysis/hotspots/hotspot-classes';
import { type KnoxResult, knoxTest } from '../analysis/nearrepeat/knox-test';
import { type NearRepeatWindow, nearRepeatWindow } from '../analysis/planning/hot-now';
import { type PolygonFeature, pointInPolygons } from '../geo/point-in-polygons';
import type { EmergingAnalysisResult, HotspotResult } from './hotspot-pipeline';
import type { PlanHotSpot } from './planning-pipeline';

/** The Knox test on the incidents and the window that rests on it (null: no significant band). */
export interface MeasuredNearRepeat {
  knox: KnoxResult;
  window: NearRepeatWindow | null;
}

/**
 * Runs the Knox test (default bands 100–400 m × 7–28 days, 999 permutations, seed 1) and keeps the bands
 * with FDR q ≤ 0.05. Fewer than 20 incidents give no window.
 */
export function measureNearRepeat(
  points: { lon: Float64Array; lat: Float64Array; day: Int32Array },
  permutations = 999,
): MeasuredNearRepeat | null {
  if (points.lon.length < 20) return null;
  const knox = knoxTest(points, { permutations, seed: 1 });
  return { knox, window: nearRepeatWindow(knox) };
}

/** The hot cells (Gi* class > 0) of a hot spot result, with their centres. */
export function hotSpotCells(result: HotspotResult): PlanHotSpot[] {
  const out: PlanHotSpot[] = [];
  result.cells.forEach((cell, i) => {
    const cls = result.classes[i]!;
    if (cls <= 0) return;
    const [lat, lon] = cellToLatLng(cell);
    out.push({ cell, lon, lat, label: hotspotClassLabel(cls) });
  });
  return out;
}

/**
 * The cells whose emerging pattern is persistent (4) or intensifying (3) hot and whose centre lies outside
 * every catchment.
 */
export function uncoveredPersistentHotSpots(
  emerging: EmergingAnalysisResult,
  catchments: readonly PolygonFeature[],
): PlanHotSpot[] {
  const picked: { cell: string; lon: number; lat: number; code: number }[] = [];
  emerging.cells.forEach((cell, i) => {
    const code = emerging.result.pattern[i]!;
    if (code !== 3 && code !== 4) return;
    const [lat, lon] = cellToLatLng(cell);
    picked.push({ cell, lon, lat, code });
  });
  const inside = pointInPolygons(
    Float64Array.from(picked, (p) => p.lon),
    Float64Array.from(picked, (p) => p.lat),
    [...catchments],
  );
  return picked
    .filter((_, k) => inside[k]! < 0)
    .map((p) => ({ cell: p.cell, lon: p.lon, lat: p.lat, label: emergingPatternLabel(p.code) }));
}
