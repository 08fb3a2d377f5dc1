/**
 * The query that feeds the deployment planner: one row per incident with its place, day, whether any of
 * its victims died and how many victims it had, so coverage can be counted in incidents, fatal incidents
 * and victims from one read.
 */
import { type IncidentFilter, incidentFilterSql } from './incident-filter';
import { quoteIdentifier as id } from './quote';

/**
 * One row per distinct `incident_id` with coordinates: `lon`, `lat` (degrees, of the incident's first victim
 * row), `day` (days since 1970-01-01), `fatal` (1 when any victim row is fatal, else 0) and `victims`
 * (victim rows kept by the filter). Ordered by day, then longitude and latitude, so the output is stable.
 */
export function planningIncidentsQuery(table: string, filter: IncidentFilter = {}): string {
  const where = incidentFilterSql(filter, 'i');
  return `SELECT CAST(lon AS DOUBLE) AS lon, CAST(lat AS DOUBLE) AS lat,
  CAST(date_diff('day', DATE '1970-01-01', d) AS INTEGER) AS day,
  CAST(fatal AS INTEGER) AS fatal, CAST(victims AS INTEGER) AS victims
FROM (SELECT arg_min(i.lon, i.row_id) AS lon, arg_min(i.lat, i.row_id) AS lat,
    arg_min(i.occurred_date, i.row_id) AS d, coalesce(bool_or(i.fatal), false) AS fatal, count(*) AS victims
  FROM ${id(table)} AS i
  WHERE i.lon IS NOT NULL AND i.lat IS NOT NULL AND ${where}
  GROUP BY i.incident_id)
ORDER BY day, lon, lat`;
}
