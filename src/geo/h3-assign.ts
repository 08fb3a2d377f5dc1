/** H3 cells of many points at once, as a list of distinct cells and each point's index into it. */
import { loadH3 } from './h3-loader';

/** Distinct H3 cells of points and each point's index into them. */
export interface CellAssignment {
  cells: string[];
  cellOfRow: Int32Array;
}

/** Computes the cells of points; the app swaps in one that runs in a Web Worker. */
export type CellAssigner = (
  lon: Float64Array,
  lat: Float64Array,
  resolution: number,
) => Promise<CellAssignment>;

/** Assigns points to H3 cells in this thread. */
export async function assignCells(
  lon: Float64Array,
  lat: Float64Array,
  resolution: number,
): Promise<CellAssignment> {
  const { latLngToCell } = await loadH3();
  const index = new Map<string, number>();
  const cells: string[] = [];
  const cellOfRow = new Int32Array(lon.length);
  for (let i = 0; i < cellOfRow.length; i++) {
    const cell = latLngToCell(lat[i]!, lon[i]!, resolution);
    let k = index.get(cell);
    if (k === undefined) {
      k = cells.length;
      cells.push(cell);
      index.set(cell, k);
    }
    cellOfRow[i] = k;
  }
  return { cells, cellOfRow };
}
