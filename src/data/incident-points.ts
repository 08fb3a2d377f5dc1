/** Row ids and coordinates of a canonical incident table, read once as typed columns. */
import type { Connector } from './connector';
import { numberColumn } from './rows';
import { incidentPointsQuery } from './sql/count-queries';

/** Coordinates of every incident row, as columns. */
export interface IncidentPoints {
  rowId: Float64Array;
  lon: Float64Array;
  lat: Float64Array;
}

/** Reads the row ids and coordinates of a canonical table. */
export async function incidentPoints(db: Connector, table: string): Promise<IncidentPoints> {
  const result = await db.query(incidentPointsQuery(table));
  return {
    rowId: numberColumn(result, 'row_id'),
    lon: numberColumn(result, 'lon'),
    lat: numberColumn(result, 'lat'),
  };
}
