/**
 * The rows of the selected areas (clicked boundary features and/or a drawn polygon), as an engine table
 * that every filtered query joins.
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Connector } from '../data/connector';
import { areaSelectionQuery, emptyRowSetQuery, unionRowsQuery } from '../data/sql/cube-queries';
import { dropTablesQuery } from '../data/sql/import-queries';
import type { PolygonFeature } from '../geo/point-in-polygons';
import { assignPointsToPolygons } from '../geo/polygon-assigner';
import type { Dataset } from './datasets';
import { datasetPoints } from './h3-cells';
import type { UrlAreas } from './url-state';

let buildCounter = 0;
/** Selection tables still in use, newest last; older ones are dropped (queries may still read the last two). */
const live = new Map<string, string[]>();

/** Builds `selection_<dataset>_<n>` for the given areas; returns its name, or null when nothing is selected. */
export async function buildSelection(
  db: Connector,
  dataset: Dataset,
  areas: UrlAreas,
): Promise<string | null> {
  // A fresh table per build: a slower, older build can never write into the selection a newer one returned.
  const target = `selection_${dataset.key}_${++buildCounter}`;
  const indexes = dataset.boundaries
    ? areas.ids.map((id) => dataset.boundaries!.ids.indexOf(id)).filter((i) => i >= 0)
    : [];
  if (indexes.length === 0 && !areas.polygon) return null;
  await db.query(
    indexes.length > 0 && dataset.boundaries
      ? areaSelectionQuery(target, dataset.boundaries.areaTable, indexes)
      : emptyRowSetQuery(target),
  );
  if (areas.polygon) {
    const points = await datasetPoints(db, dataset);
    const polygon: PolygonFeature = {
      type: 'Feature',
      properties: {},
      geometry: { type: 'Polygon', coordinates: [areas.polygon] },
    };
    const inside = await assignPointsToPolygons(points.lon, points.lat, [polygon]);
    const rows: number[] = [];
    for (let i = 0; i < inside.length; i++) if (inside[i] === 0) rows.push(points.rowId[i]!);
    const drawn = `${target}_drawn`;
    await db.query(dropTablesQuery([drawn]));
    await db.insertArrowIpc(
      drawn,
      tableToIPC(tableFromArrays({ row_id: Float64Array.from(rows) }), 'stream'),
    );
    await db.query(unionRowsQuery(target, drawn));
    await db.query(dropTablesQuery([drawn]));
  }
  const tables = [...(live.get(dataset.key) ?? []), target];
  live.set(dataset.key, tables.slice(-3));
  if (tables.length > 3) await db.query(dropTablesQuery(tables.slice(0, -3)));
  return target;
}
