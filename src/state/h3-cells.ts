/**
 * H3 cells of a dataset's incidents at one resolution, stored in the engine as (row_id, cell index), so
 * hexagon counts are an engine join rather than per-frame work. Coordinates are read and assigned to cells
 * once, at {@link FINE_RESOLUTION} (or at the requested resolution when it is finer); every coarser
 * resolution is derived from those cells: the parents of the distinct fine cells (a few thousand to a few
 * hundred thousand, not one per incident) and an engine view that maps each row's fine cell to its parent.
 * An H3 cell's parent contains all of its points, so the derived cell of every row is the cell its
 * coordinates fall in at that resolution (tests/integration/h3-cells.test.ts checks it row by row).
 */
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import type { Connector } from '../data/connector';
import { type IncidentPoints, incidentPoints } from '../data/incident-points';
import { parentCellsViewQuery } from '../data/sql/cell-queries';
import { dropTablesQuery, dropViewsQuery } from '../data/sql/import-queries';
import { assignCells, type CellAssigner } from '../geo/h3-assign';
import { loadH3 } from '../geo/h3-loader';
import type { Dataset } from './datasets';
import type { UrlViewState } from './url-state';

/** The cells of a dataset at a resolution. */
export interface DatasetCells {
  resolution: number;
  /** Distinct cell ids; a row's cell index points into it. */
  cells: string[];
  table: string;
}

const pointsCache = new WeakMap<Dataset, Promise<IncidentPoints>>();
const cellsCache = new WeakMap<Dataset, Map<number, Promise<DatasetCells>>>();

/** Row ids and coordinates of a dataset, read once. */
export function datasetPoints(db: Connector, dataset: Dataset): Promise<IncidentPoints> {
  let p = pointsCache.get(dataset);
  if (!p) {
    p = incidentPoints(db, dataset.table);
    pointsCache.set(dataset, p);
  }
  return p;
}

/** The resolution at which coordinates are assigned to cells; coarser ones derive from it. */
export const FINE_RESOLUTION = 10;

/** Cells of every incident at `resolution` (6-11), computed on first use. */
export function datasetCells(db: Connector, dataset: Dataset, resolution: number): Promise<DatasetCells> {
  let byRes = cellsCache.get(dataset);
  if (!byRes) {
    byRes = new Map();
    cellsCache.set(dataset, byRes);
  }
  let p = byRes.get(resolution);
  if (!p) {
    p = computeCells(db, dataset, resolution);
    byRes.set(resolution, p);
  }
  return p;
}

let cellAssigner: CellAssigner = assignCells;

/** Replaces how cells are computed (the browser app moves the work off the main thread). */
export function setCellAssigner(assigner: CellAssigner): void {
  cellAssigner = assigner;
}

function computeCells(db: Connector, dataset: Dataset, resolution: number): Promise<DatasetCells> {
  return resolution < FINE_RESOLUTION
    ? deriveCells(db, dataset, resolution)
    : assignDatasetCells(db, dataset, resolution);
}

/** Cells at a coarser resolution from the fine cells: parents of the distinct cells, then an engine view. */
async function deriveCells(db: Connector, dataset: Dataset, resolution: number): Promise<DatasetCells> {
  const [fine, { cellToParent }] = await Promise.all([datasetCells(db, dataset, FINE_RESOLUTION), loadH3()]);
  const index = new Map<string, number>();
  const cells: string[] = [];
  const parentOfFine = new Int32Array(fine.cells.length);
  fine.cells.forEach((cell, i) => {
    const parent = cellToParent(cell, resolution);
    let k = index.get(parent);
    if (k === undefined) {
      k = cells.length;
      cells.push(parent);
      index.set(parent, k);
    }
    parentOfFine[i] = k;
  });
  const view = `cells_${dataset.key}_r${resolution}`;
  const parents = `${view}_parents`;
  await db.query(dropViewsQuery([view]));
  await db.query(dropTablesQuery([parents]));
  await db.insertArrowIpc(
    parents,
    tableToIPC(
      tableFromArrays({ fine: Int32Array.from(fine.cells, (_, i) => i), cell: parentOfFine }),
      'stream',
    ),
  );
  await db.query(parentCellsViewQuery(view, fine.table, parents));
  return { resolution, cells, table: view };
}

/** Cells from the coordinates, assigned off the main thread in the app. */
async function assignDatasetCells(
  db: Connector,
  dataset: Dataset,
  resolution: number,
): Promise<DatasetCells> {
  const points = await datasetPoints(db, dataset);
  const [{ cells, cellOfRow }] = await Promise.all([
    cellAssigner(points.lon, points.lat, resolution),
    loadH3(),
  ]);
  const table = `cells_${dataset.key}_r${resolution}`;
  await db.query(dropTablesQuery([table]));
  await db.insertArrowIpc(
    table,
    tableToIPC(tableFromArrays({ row_id: points.rowId, cell: cellOfRow }), 'stream'),
  );
  return { resolution, cells, table };
}

/**
 * The H3 resolution the hexagon layer of `view` needs, or null when it needs none yet: hexagons are off, or
 * the resolution follows the zoom and the map has not reported its camera (it first fits the data; cells
 * computed for a guessed zoom would be thrown away, and on millions of incidents they take seconds).
 */
export function viewCellResolution(view: UrlViewState): number | null {
  if (!view.layers.includes('hexagons')) return null;
  if (view.h3Res !== 'auto') return view.h3Res;
  return view.view ? resolutionForZoom(view.view.zoom) : null;
}

/** H3 resolution for a map zoom: hexagons about 15-40 screen pixels across. */
export function resolutionForZoom(zoom: number): number {
  return Math.max(6, Math.min(10, Math.round(zoom - 2.5)));
}
