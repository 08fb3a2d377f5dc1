/**
 * H3 cells of the incidents as engine tables: each row's cell at a fine resolution is stored once; a coarser
 * resolution is a view that maps each fine cell to its parent through a small table (one row per distinct
 * fine cell), so changing the map's resolution never reads coordinates again nor copies a row per incident.
 */
import { quoteIdentifier as id } from './quote';

/**
 * A view of (`row_id`, `cell`) at a coarser resolution: the rows of `fineTable` (`row_id`, `cell`) with each
 * fine cell index replaced by its parent's index from `parentTable` (`fine`, `cell`).
 */
export function parentCellsViewQuery(view: string, fineTable: string, parentTable: string): string {
  return `CREATE OR REPLACE VIEW ${id(view)} AS
SELECT f.row_id, p.cell FROM ${id(fineTable)} AS f JOIN ${id(parentTable)} AS p ON p.fine = f.cell`;
}
