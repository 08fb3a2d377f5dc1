/**
 * Counting queries over the canonical incident table: headline totals and zero-filled time series. Every
 * count says its unit: incidents (distinct `incident_id`) or victims (rows).
 */
import { type IncidentFilter, incidentFilterSql } from './incident-filter';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

/** What a count counts. */
export type CountUnit = 'incidents' | 'victims';

/** Time step of a series. */
export type TimeStep = 'month' | 'quarter' | 'year';

/** SQL aggregate for a unit over a table aliased `i`. */
export function countExpression(unit: CountUnit, alias = 'i'): string {
  return unit === 'incidents' ? `count(DISTINCT ${id(alias)}.incident_id)` : 'count(*)';
}

/** Headline totals for a filter: incidents, victims, fatal incidents and fatal victims. */
export function headlineQuery(table: string, filter: IncidentFilter = {}): string {
  return `SELECT count(DISTINCT i.incident_id) AS incidents, count(*) AS victims,
  count(DISTINCT i.incident_id) FILTER (WHERE i.fatal) AS fatal_incidents,
  count(*) FILTER (WHERE i.fatal) AS fatal_victims
FROM ${id(table)} AS i WHERE ${incidentFilterSql(filter)}`;
}

/** Options for a time series. */
export interface TimeSeriesOptions {
  by: TimeStep;
  unit: CountUnit;
  filter?: IncidentFilter;
  /** First and last period covered (`YYYY-MM-DD`, truncated to the step); default: the data's own range. */
  from?: string;
  to?: string;
}

/**
 * A zero-filled series: one row per period from `from` to `to` (or the data's first to last period), with
 * `period` (DATE, first day), `total`, `fatal` and `nonfatal` counts in the chosen unit. An incident is
 * fatal when any of its victims died.
 */
export function timeSeriesQuery(table: string, o: TimeSeriesOptions): string {
  const step = { month: "INTERVAL '1 month'", quarter: "INTERVAL '3 months'", year: "INTERVAL '1 year'" }[
    o.by
  ];
  const trunc = lit(o.by);
  const bounds = `SELECT
    ${o.from ? `date_trunc(${trunc}, DATE ${lit(o.from)})` : `date_trunc(${trunc}, dmin)`} AS lo,
    ${o.to ? `date_trunc(${trunc}, DATE ${lit(o.to)})` : `date_trunc(${trunc}, dmax)`} AS hi
  FROM (SELECT min(occurred_date) AS dmin, max(occurred_date) AS dmax FROM ${id(table)})`;
  const filtered = `SELECT * FROM ${id(table)} AS i WHERE ${incidentFilterSql(o.filter)}`;
  const perIncident =
    o.unit === 'incidents'
      ? `SELECT CAST(date_trunc(${trunc}, min(occurred_date)) AS DATE) AS period, bool_or(coalesce(fatal, FALSE)) AS fatal
         FROM (${filtered}) GROUP BY incident_id`
      : `SELECT CAST(date_trunc(${trunc}, occurred_date) AS DATE) AS period, coalesce(fatal, FALSE) AS fatal FROM (${filtered})`;
  return `WITH b AS (${bounds}),
periods AS (SELECT CAST(p AS DATE) AS period FROM b, range(b.lo, b.hi + ${step}, ${step}) AS t(p)),
rows AS (${perIncident}),
counts AS (SELECT period, count(*) AS total, count(*) FILTER (WHERE fatal) AS fatal FROM rows GROUP BY period)
SELECT p.period, coalesce(c.total, 0) AS total, coalesce(c.fatal, 0) AS fatal, coalesce(c.total, 0) - coalesce(c.fatal, 0) AS nonfatal
FROM periods AS p LEFT JOIN counts AS c ON c.period = p.period
ORDER BY p.period`;
}

/** Row ids and coordinates of the incidents matching a filter (for point-in-polygon work in JavaScript). */
export function incidentPointsQuery(table: string, filter: IncidentFilter = {}): string {
  return `SELECT i.row_id, i.lon, i.lat FROM ${id(table)} AS i WHERE ${incidentFilterSql(filter)} ORDER BY i.row_id`;
}
