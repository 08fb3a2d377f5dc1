/**
 * Queries that feed the brush indexes: counts per (month index, bin) under every filter except the view's
 * own, in all four measures at once (incidents, victims, fatal incidents, fatal victims). An incident's
 * victims share its time and place, so distinct-incident counts per (month, bin) add up across months.
 */
import { type FilterableColumn, type IncidentFilter, incidentFilterSql } from './incident-filter';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

/** How rows fall into the bins of a view. */
export type BinSpec =
  | { kind: 'none' }
  | { kind: 'hourWeekday' }
  | { kind: 'column'; column: FilterableColumn; values: readonly string[] }
  | { kind: 'rowTable'; table: string; column: string };

/** Number of bins a spec yields (the last bin of value and hour bins holds unknowns). */
export function binCount(spec: BinSpec, rowTableBins = 0): number {
  switch (spec.kind) {
    case 'none':
      return 1;
    case 'hourWeekday':
      return 7 * 24 + 1;
    case 'column':
      return spec.values.length + 1;
    case 'rowTable':
      return rowTableBins;
  }
}

function binExpression(spec: BinSpec): string {
  switch (spec.kind) {
    case 'none':
      return '0';
    case 'hourWeekday':
      return 'CASE WHEN i.hour IS NULL THEN 168 ELSE (CAST(i.weekday AS INTEGER) - 1) * 24 + CAST(i.hour AS INTEGER) END';
    case 'column': {
      const list = `[${spec.values.map(lit).join(', ')}]::VARCHAR[]`;
      return `coalesce(list_position(${list}, i.${id(spec.column)}) - 1, ${spec.values.length})`;
    }
    case 'rowTable':
      return `r.${id(spec.column)}`;
  }
}

/** Options for a month × bin count query. */
export interface MonthBinOptions {
  /** First month of the dataset, `YYYY-MM-01`: month index 0. */
  firstMonth: string;
  bins: BinSpec;
  filter?: IncidentFilter;
}

/**
 * Counts per (month index `m`, bin `b`): `incidents`, `victims`, `fatal_incidents`, `fatal_victims`.
 * Rows outside the bins (e.g. not in any area of a row table) are left out.
 */
export function monthBinCountsQuery(table: string, o: MonthBinOptions): string {
  const join = o.bins.kind === 'rowTable' ? `JOIN ${id(o.bins.table)} AS r ON r.row_id = i.row_id` : '';
  return `SELECT CAST(datediff('month', DATE ${lit(o.firstMonth)}, i.month) AS INTEGER) AS m,
  CAST(${binExpression(o.bins)} AS INTEGER) AS b,
  count(DISTINCT i.incident_id) AS incidents, count(*) AS victims,
  count(DISTINCT i.incident_id) FILTER (WHERE i.fatal) AS fatal_incidents,
  count(*) FILTER (WHERE i.fatal) AS fatal_victims
FROM ${id(table)} AS i ${join}
WHERE ${incidentFilterSql(o.filter)}
GROUP BY ALL`;
}

/**
 * One point per incident under a filter: position, month index, any victim fatal, number of victims. At most
 * `limit` incidents, the first by row id (a stable subset, so the caller can say when it is one).
 */
export function incidentMapPointsQuery(
  table: string,
  firstMonth: string,
  filter: IncidentFilter = {},
  limit = 200_000,
): string {
  return `SELECT any_value(i.lon) AS lon, any_value(i.lat) AS lat,
  CAST(datediff('month', DATE ${lit(firstMonth)}, min(i.month)) AS INTEGER) AS m,
  bool_or(coalesce(i.fatal, FALSE)) AS fatal, CAST(count(*) AS INTEGER) AS victims, min(i.row_id) AS row_id,
  any_value(i.incident_id) AS incident_id, CAST(min(i.occurred_at) AS VARCHAR) AS occurred_at
FROM ${id(table)} AS i WHERE ${incidentFilterSql(filter)}
GROUP BY i.incident_id
ORDER BY min(i.row_id)
LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** The most frequent values of a categorical column with their victim counts. */
export function categoryValuesQuery(table: string, column: FilterableColumn, limit = 40): string {
  return `SELECT ${id(column)} AS value, count(*) AS n FROM ${id(table)} WHERE ${id(column)} IS NOT NULL
GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** Creates `target` (row_id) with the rows whose area index (in `areaTable`) is one of `areas`. */
export function areaSelectionQuery(target: string, areaTable: string, areas: readonly number[]): string {
  const list = areas.filter((a) => Number.isInteger(a) && a >= 0).map((a) => lit(a));
  return `CREATE OR REPLACE TABLE ${id(target)} AS SELECT row_id FROM ${id(areaTable)} WHERE area IN (${list.length ? list.join(', ') : 'NULL'})`;
}

/** Adds the row ids of one table to another (union of a boundary selection and a drawn polygon). */
export function unionRowsQuery(target: string, extra: string): string {
  return `INSERT INTO ${id(target)} SELECT row_id FROM ${id(extra)} EXCEPT SELECT row_id FROM ${id(target)}`;
}

/** Creates an empty row-set table. */
export function emptyRowSetQuery(target: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} (row_id DOUBLE)`;
}
