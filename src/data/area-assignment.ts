/**
 * Ties incidents to areas: which rows fall inside a set of polygons (a drawn area, chosen precincts, a
 * catchment), stored as small tables that queries join, so counting stays in the engine.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { PolygonFeature } from '../geo/point-in-polygons';
import { assignPointsToPolygons } from '../geo/polygon-assigner';
import type { Connector } from './connector';
import type { IncidentPoints } from './incident-points';
import { dropTablesQuery } from './sql/import-queries';

/**
 * Writes `target` (row_id, area) with the index of the first polygon containing each incident; rows
 * outside every polygon are left out. Returns how many rows fell inside.
 */
export async function assignAreas(
  db: Connector,
  points: IncidentPoints,
  polygons: readonly PolygonFeature[],
  target: string,
): Promise<number> {
  const area = await assignPointsToPolygons(points.lon, points.lat, polygons);
  let inside = 0;
  for (const a of area) if (a >= 0) inside++;
  const rowId = new Float64Array(inside);
  const areaOut = new Int32Array(inside);
  let k = 0;
  for (let i = 0; i < area.length; i++) {
    if (area[i]! < 0) continue;
    rowId[k] = points.rowId[i]!;
    areaOut[k] = area[i]!;
    k++;
  }
  await db.query(dropTablesQuery([target]));
  await db.insertArrowIpc(target, tableToIPC(tableFromArrays({ row_id: rowId, area: areaOut }), 'stream'));
  return inside;
}
