/**
 * Queries behind unit × period panels: counts of incidents or victims per unit and period from the
 * canonical incident table (units from one of its columns, or from a point-in-polygon assignment table),
 * and the staging of aggregate tables (a panel, a program table) read from CSV or Parquet with every value
 * as text, so the product validates and reports each bad value itself.
 */
import { type IncidentFilter, incidentFilterSql, isFilterableColumn } from './incident-filter';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

/** Options of {@link unitPeriodCountsQuery}. */
export interface UnitPeriodCountsOptions {
  by: 'year' | 'quarter' | 'month';
  unit: 'incidents' | 'victims';
  /** A column of the canonical table holding the unit (`precinct`, `district` or `attr:<source column>`). */
  unitColumn?: string;
  /** A table (row_id, area) from point-in-polygon assignment, with `areaLabels[area]` the unit id. */
  areaTable?: string;
  areaLabels?: readonly string[];
  filter?: IncidentFilter;
}

/**
 * Rows (unit VARCHAR, period DATE, count) for the cells with at least one event; rows without a unit are
 * left out (see {@link unitlessRowsQuery}). An incident is counted once, in the unit and period of its
 * earliest victim row.
 */
export function unitPeriodCountsQuery(table: string, o: UnitPeriodCountsOptions): string {
  if (!['year', 'quarter', 'month'].includes(o.by))
    throw new RangeError(`by must be year, quarter or month, got ${o.by}`);
  if (o.unit !== 'incidents' && o.unit !== 'victims')
    throw new RangeError(`unit must be incidents or victims, got ${o.unit}`);
  const trunc = lit(o.by);
  const source = unitSource(table, o);
  const rows =
    o.unit === 'incidents'
      ? `SELECT arg_min(unit, occurred_date) AS unit, CAST(date_trunc(${trunc}, min(occurred_date)) AS DATE) AS period
         FROM (${source}) GROUP BY incident_id`
      : `SELECT unit, CAST(date_trunc(${trunc}, occurred_date) AS DATE) AS period FROM (${source})`;
  return `SELECT unit, period, count(*) AS count FROM (${rows}) WHERE unit IS NOT NULL GROUP BY unit, period ORDER BY unit, period`;
}

/** Number of rows matching the filter that have no unit (empty unit column, or outside every polygon). */
export function unitlessRowsQuery(table: string, o: UnitPeriodCountsOptions): string {
  return `SELECT count(*) AS n FROM (${unitSource(table, o)}) WHERE unit IS NULL`;
}

function unitSource(table: string, o: UnitPeriodCountsOptions): string {
  const where = incidentFilterSql(o.filter);
  if (o.unitColumn !== undefined) {
    if (!isFilterableColumn(o.unitColumn)) throw new RangeError(`"${o.unitColumn}" cannot hold units`);
    return `SELECT i.incident_id, i.occurred_date, NULLIF(trim(CAST(i.${id(o.unitColumn)} AS VARCHAR)), '') AS unit
      FROM ${id(table)} AS i WHERE ${where}`;
  }
  if (o.areaTable === undefined || !o.areaLabels)
    throw new RangeError('units need a unit column or an area table');
  const labels = o.areaLabels.length === 0 ? 'NULL' : `[${o.areaLabels.map((l) => lit(l)).join(', ')}]`;
  return `SELECT i.incident_id, i.occurred_date, CAST(${labels}[a.area + 1] AS VARCHAR) AS unit
    FROM ${id(table)} AS i LEFT JOIN ${id(o.areaTable)} AS a ON a.row_id = i.row_id WHERE ${where}`;
}

/** Stages a registered CSV file as a table of text columns (header row required). */
export function stageTextCsvQuery(target: string, file: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS SELECT * FROM read_csv(${lit(file)}, header = true, all_varchar = true, auto_detect = true)`;
}

/** The chosen columns of a staged table as text, in file order, with the 1-based data row number. */
export function textColumnsQuery(table: string, columns: readonly string[]): string {
  const cols = columns.map((c, k) => `CAST(${id(c)} AS VARCHAR) AS ${id(`c${k}`)}`).join(', ');
  return `SELECT row_number() OVER () AS __row, ${cols} FROM ${id(table)}`;
}
