/**
 * Queries that feed the hotspot, emerging hot spot and near-repeat statistics: one row per incident (or per
 * victim) with its location, day number and month number, so the statistics run on typed columns in
 * JavaScript while selection and de-duplication stay in the engine.
 */
import type { CountUnit } from './count-queries';
import { type IncidentFilter, incidentFilterSql } from './incident-filter';
import { quoteIdentifier as id } from './quote';

/** Options of {@link hotspotPointsQuery}. */
export interface HotspotPointsOptions {
  /** Rows kept (applied to victim rows before incidents are formed). Default: none. */
  filter?: IncidentFilter;
  /**
   * `incidents` (default): one row per distinct `incident_id`, at the location and date of its first
   * victim row (lowest `row_id`). `victims`: one row per victim row.
   */
  unit?: CountUnit;
}

/**
 * One row per incident (or victim) with a location: `lon`, `lat` (degrees), `day` (days since
 * 1970-01-01, INTEGER) and `month` (months since January 1970, INTEGER: year·12 + month − 1 − 23640).
 * Rows without coordinates are left out. Ordered by day, then longitude and latitude, so the output is
 * stable across runs.
 */
export function hotspotPointsQuery(table: string, options: HotspotPointsOptions = {}): string {
  const where = incidentFilterSql(options.filter ?? {}, 'i');
  const located = `i.lon IS NOT NULL AND i.lat IS NOT NULL AND ${where}`;
  const rows =
    (options.unit ?? 'incidents') === 'incidents'
      ? `SELECT arg_min(i.lon, i.row_id) AS lon, arg_min(i.lat, i.row_id) AS lat,
    arg_min(i.occurred_date, i.row_id) AS d
  FROM ${id(table)} AS i WHERE ${located} GROUP BY i.incident_id`
      : `SELECT i.lon AS lon, i.lat AS lat, i.occurred_date AS d FROM ${id(table)} AS i WHERE ${located}`;
  return `SELECT CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat,
  CAST(date_diff('day', DATE '1970-01-01', d) AS INTEGER) AS day,
  CAST(year(d) * 12 + month(d) - 1 - 23640 AS INTEGER) AS month
FROM (${rows}) ORDER BY day, lon, lat`;
}

/** First and last day of a table's incidents: columns `first_day`, `last_day` (days since 1970-01-01). */
export function dayRangeQuery(table: string): string {
  return `SELECT CAST(date_diff('day', DATE '1970-01-01', min(occurred_date)) AS INTEGER) AS first_day,
  CAST(date_diff('day', DATE '1970-01-01', max(occurred_date)) AS INTEGER) AS last_day
FROM ${id(table)}`;
}
