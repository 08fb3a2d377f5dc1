/**
 * Queries behind program evaluation: zero-filled counts per evaluation unit (catchment, comparison units,
 * donors, displacement ring) and period, in incidents (distinct `incident_id`) or victims (rows), split
 * into fatal and non-fatal. Which unit a row belongs to is decided in JavaScript (point in polygon) and
 * written as a small table `(row_id, unit)` that these queries join.
 */
import { type IncidentFilter, incidentFilterSql } from './incident-filter';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

/** Options of {@link unitSeriesQuery}. */
export interface UnitSeriesOptions {
  /** 'month' or 'quarter'. */
  by: 'month' | 'quarter';
  unit: 'incidents' | 'victims';
  /** Number of units: unit indexes 0..units−1 each get a full series, zeros included. */
  units: number;
  filter?: IncidentFilter;
  /** First and last day covered (`YYYY-MM-DD`, truncated to the step); default: the whole table's range. */
  from?: string;
  to?: string;
}

/**
 * One row per unit and period (every combination, zero-filled), ordered by unit then period, with columns
 * `unit` (integer), `period` (DATE, first day), `total` and `fatal`. An incident is fatal when any of its
 * victims died. `unitTable` has columns `row_id` and `unit`.
 */
export function unitSeriesQuery(table: string, unitTable: string, o: UnitSeriesOptions): string {
  if (o.by !== 'month' && o.by !== 'quarter')
    throw new RangeError(`by must be month or quarter, got ${o.by}`);
  if (o.unit !== 'incidents' && o.unit !== 'victims')
    throw new RangeError(`unit must be incidents or victims, got ${o.unit}`);
  if (!Number.isInteger(o.units) || o.units < 1)
    throw new RangeError(`units must be a positive integer, got ${o.units}`);
  const step = o.by === 'month' ? "INTERVAL '1 month'" : "INTERVAL '3 months'";
  const trunc = lit(o.by);
  const bounds = `SELECT
    ${o.from ? `date_trunc(${trunc}, DATE ${lit(o.from)})` : `date_trunc(${trunc}, dmin)`} AS lo,
    ${o.to ? `date_trunc(${trunc}, DATE ${lit(o.to)})` : `date_trunc(${trunc}, dmax)`} AS hi
  FROM (SELECT min(occurred_date) AS dmin, max(occurred_date) AS dmax FROM ${id(table)})`;
  const filtered = `SELECT i.incident_id, i.occurred_date, i.fatal, u.unit FROM ${id(table)} AS i
    JOIN ${id(unitTable)} AS u ON u.row_id = i.row_id WHERE ${incidentFilterSql(o.filter)}`;
  const rows =
    o.unit === 'incidents'
      ? `SELECT unit, CAST(date_trunc(${trunc}, min(occurred_date)) AS DATE) AS period, bool_or(coalesce(fatal, FALSE)) AS fatal
         FROM (${filtered}) GROUP BY unit, incident_id`
      : `SELECT unit, CAST(date_trunc(${trunc}, occurred_date) AS DATE) AS period, coalesce(fatal, FALSE) AS fatal FROM (${filtered})`;
  return `WITH b AS (${bounds}),
periods AS (SELECT CAST(p AS DATE) AS period FROM b, range(b.lo, b.hi + ${step}, ${step}) AS t(p)),
units AS (SELECT CAST(range AS INTEGER) AS unit FROM range(0, ${o.units})),
rows AS (${rows}),
counts AS (SELECT unit, period, count(*) AS total, count(*) FILTER (WHERE fatal) AS fatal FROM rows GROUP BY unit, period)
SELECT u.unit, p.period, coalesce(c.total, 0) AS total, coalesce(c.fatal, 0) AS fatal
FROM units AS u CROSS JOIN periods AS p
LEFT JOIN counts AS c ON c.unit = u.unit AND c.period = p.period
ORDER BY u.unit, p.period`;
}
