/**
 * Query builders for the import pipeline: staging a source, recognising its date format, mapping it into
 * the canonical incident table, and reporting what was rejected. Pure functions returning SQL text; every
 * name and value passes through `quoteIdentifier` / `quoteLiteral`.
 */
import type { ColumnMapping } from '../schema';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';
import { LINE_COLUMN, ROW_COLUMN } from './staged-columns';

export {
  DATE_FORMATS,
  dateFormatCandidates,
  dateFormatCheckQuery,
  dateFormatHasTime,
  dateFormatScoresQuery,
  dateOrderConflictQuery,
  EPOCH_MILLISECONDS,
  EPOCH_SECONDS,
  FATAL_SPELLINGS,
  NONFATAL_SPELLINGS,
  type ParseIncidentsOptions,
  parseDateExpression,
  parseIncidentsQuery,
} from './parse-queries';

export { LINE_COLUMN, ROW_COLUMN } from './staged-columns';

/**
 * A view of a text file as physical lines: `n` (the position among the lines the engine could read) and
 * `text`. Nothing is split and no quote is interpreted here, so one bad line can never swallow the next:
 * lines that are not valid UTF-8 or longer than `maxLineBytes` are appended to `rejectsTable` with their
 * line number by every scan. Line endings may be LF, CRLF or a mix.
 */
export function stageLinesQuery(o: LinesSource & { view: string }): string {
  return `CREATE OR REPLACE VIEW ${id(o.view)} AS
SELECT row_number() OVER () AS n, rtrim(text, chr(13)) AS text
FROM ${readLines(o)}`;
}

/** The text file whose lines are read, and where the engine appends the lines it cannot read. */
export interface LinesSource {
  file: string;
  rejectsTable: string;
  rejectsScan: string;
  maxLineBytes: number;
}

function readLines(o: LinesSource): string {
  return `read_csv(${lit(o.file)}, columns = {'text': 'VARCHAR'}, header = false, auto_detect = false, delim = chr(1),
  quote = '', escape = '', strict_mode = false, max_line_size = ${Math.floor(o.maxLineBytes)}, ignore_errors = true,
  store_rejects = true, rejects_table = ${lit(o.rejectsTable)}, rejects_scan = ${lit(o.rejectsScan)})`;
}

/**
 * The lines of {@link stageLinesQuery} read once into a temporary table (`text` only, in the file's order),
 * and the view `view` over it with the same columns (`n` from the row's position). Numbering by position
 * rather than by a window over the whole file saves a pass that holds every line.
 */
export function readLinesOnceQuery(o: LinesSource & { table: string; view: string }): string {
  return `CREATE OR REPLACE TEMP TABLE ${id(o.table)} AS SELECT rtrim(text, chr(13)) AS text FROM ${readLines(o)};
CREATE OR REPLACE VIEW ${id(o.view)} AS SELECT rowid + 1 AS n, text FROM ${id(o.table)}`;
}

/** The distinct lines the engine could not read at all (scans append duplicates), frozen in a table. */
export function engineRejectsSnapshotQuery(target: string, rejectsTable: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT line, any_value(error_type) AS error_type, any_value(error_message) AS error_message,
  any_value(csv_line) AS csv_line FROM ${id(rejectsTable)} GROUP BY line`;
}

/**
 * One scan of the lines (`lines` view from {@link stageLinesQuery}): how many are not blank and how many the
 * engine read (it collects the lines it cannot read on the way), and as `odd` any other aggregate over the
 * lines (`n`, `text`) to be computed in the same scan.
 */
export function lineCountsQuery(lines: string, odd: string | null = null): string {
  return `SELECT count(*) FILTER (WHERE text IS NOT NULL AND trim(text) <> '') AS nonblank, max(n) AS readable${
    odd ? `, ${odd} AS odd` : ''
  } FROM ${id(lines)}`;
}

/**
 * Physical line numbers for the readable lines, as an editor counts them. The engine's own count skips the
 * lines it rejected (`rejects`, a snapshot in the engine's numbering), so each readable line moves down by
 * the rejected lines before it; and it counts an empty line inside each CR LF of a file whose first line
 * ends in LF (`crLfEmpty`, see `line-endings.ts`), so those lines are dropped and the lines after each move up.
 */
export function numberedLinesQuery(
  view: string,
  lines: string,
  rejects: string | null,
  crLfEmpty: string | null = null,
): string {
  // q = readable lines before the k-th rejected line; a readable line n follows the rejects with q < n.
  const engineLines = rejects
    ? `SELECT l.n + coalesce(r.k, 0) AS line, l.text FROM ${id(lines)} AS l
ASOF LEFT JOIN (
  SELECT q, max(k) AS k FROM (SELECT line - row_number() OVER (ORDER BY line) AS q, row_number() OVER (ORDER BY line) AS k FROM ${id(rejects)}) GROUP BY q
) AS r ON l.n > r.q`
    : `SELECT n AS line, text FROM ${id(lines)}`;
  if (!crLfEmpty) return `CREATE OR REPLACE VIEW ${id(view)} AS ${engineLines}`;
  // k = the empty CR LF lines up to and including this line; the line itself when it is one of them.
  return `CREATE OR REPLACE VIEW ${id(view)} AS
SELECT e.line - coalesce(c.k, 0) AS line, e.text FROM (${engineLines}) AS e
ASOF LEFT JOIN (SELECT line, row_number() OVER (ORDER BY line) AS k FROM ${id(crLfEmpty)}) AS c ON e.line >= c.line
WHERE c.line IS DISTINCT FROM e.line`;
}

/** The engine's rejected lines renumbered as an editor counts them (see {@link numberedLinesQuery}). */
export function editorRejectLinesQuery(
  target: string,
  engineRejects: string,
  crLfEmpty: string | null,
): string {
  const shift = crLfEmpty ? `(SELECT count(*) FROM ${id(crLfEmpty)} AS c WHERE c.line < r.line)` : '0';
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT r.line - ${shift} AS line, r.error_type, r.error_message, r.csv_line FROM ${id(engineRejects)} AS r`;
}

/** The data lines that cannot be split (line, problem, field count, start of the text), from {@link readSplitOnceQuery}'s table. */
export function badLinesQuery(target: string, splitRead: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT line, problem, found, left(text, 200) AS text FROM ${id(splitRead)} WHERE problem IS NOT NULL`;
}

/**
 * A view of the good data lines of {@link readSplitOnceQuery}'s table with one text column per header name,
 * plus {@link ROW_COLUMN} (the data line number: physical line − header line) and {@link LINE_COLUMN} (the
 * physical line). Copies nothing.
 */
export function stageFieldsQuery(
  view: string,
  splitRead: string,
  columns: readonly string[],
  headerLine: number,
): string {
  const fields = columns.map((c, i) => `${id(splitField(i))} AS ${id(c)}`).join(', ');
  return `CREATE OR REPLACE VIEW ${id(view)} AS
SELECT line - ${Math.floor(headerLine)} AS ${id(ROW_COLUMN)}, line AS ${id(LINE_COLUMN)}, ${fields}
FROM ${id(splitRead)} WHERE problem IS NULL`;
}

/** The column of {@link readSplitOnceQuery}'s table that holds the field at `index` (from 0). */
function splitField(index: number): string {
  return `f${Math.floor(index) + 1}`;
}

/**
 * The split records of {@link splitRecordsQuery} read once into a table: `line`, `problem`, `found` (the
 * number of fields) and one text column per field of the header (`f1` … `fN`, so that a scan reads only the
 * fields it needs). The text of a record is kept only when it cannot be split (for the report), since the
 * fields hold the rest. A temporary table is uncompressed (fast for small files); a plain one is compressed by
 * the engine, so a large file's records fit in memory once instead of being read and split from the file again
 * at every later scan.
 */
export function readSplitOnceQuery(
  table: string,
  split: string,
  columnCount: number,
  temporary: boolean,
): string {
  const fields = Array.from(
    { length: Math.floor(columnCount) },
    (_, i) => `f[${i + 1}] AS ${id(splitField(i))}`,
  );
  return `CREATE OR REPLACE ${temporary ? 'TEMP ' : ''}TABLE ${id(table)} AS
SELECT line, problem, CASE WHEN problem IS NOT NULL THEN text END AS text, len(f) AS found, ${fields.join(', ')}
FROM ${id(split)}`;
}

/** A view adding {@link ROW_COLUMN} to a table inserted from Arrow (Parquet, Arrow IPC, GeoJSON), copying nothing. */
export function stageNumberedQuery(view: string, source: string): string {
  return `CREATE OR REPLACE VIEW ${id(view)} AS SELECT row_number() OVER () AS ${id(ROW_COLUMN)}, * FROM ${id(source)}`;
}

/** A view that is another view under a second name. */
export function aliasViewQuery(view: string, source: string): string {
  return `CREATE OR REPLACE VIEW ${id(view)} AS SELECT * FROM ${id(source)}`;
}

/** Number of data rows a staged view yields. */
export function stagedRowCountQuery(view: string): string {
  return `SELECT count(*) AS n FROM ${id(view)}`;
}

/** Up to `limit` bad lines of both kinds (engine rejects and split problems), by line, with the total. */
export function badLineSamplesQuery(
  badLines: string,
  engineRejects: string | null,
  headerLine: number,
  limit = 5,
): string {
  const engine = engineRejects
    ? `UNION ALL SELECT line, error_type AS problem, NULL AS found, left(csv_line, 200) AS text FROM ${id(engineRejects)} WHERE line <> ${Math.floor(headerLine)}`
    : '';
  return `SELECT line, problem, found, text, count(*) OVER () AS total FROM (
  SELECT line, problem, found, text FROM ${id(badLines)} ${engine}
) ORDER BY line LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/** Count of engine-rejected lines other than the header line. */
export function engineRejectCountQuery(engineRejects: string, headerLine: number): string {
  return `SELECT count(*) AS n FROM ${id(engineRejects)} WHERE line <> ${Math.floor(headerLine)}`;
}

/** Column names and types of a table, in order. */
export function describeTableQuery(table: string): string {
  return `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${lit(table)} ORDER BY ordinal_position`;
}

/** Rows whose latitude/longitude are missing but whose state-plane coordinates are present. */
export function stateplaneCandidatesQuery(parsed: string): string {
  return `SELECT row_id, state_x, state_y FROM ${id(parsed)}
WHERE (lat IS NULL OR lon IS NULL) AND state_x IS NOT NULL AND state_y IS NOT NULL AND state_x > 0 AND state_y > 0
ORDER BY row_id`;
}

/** Writes recovered coordinates (from a table of row_id, lon, lat) into the parsed rows. */
export function applyRecoveredCoordinatesQuery(parsed: string, recovered: string): string {
  return `UPDATE ${id(parsed)} AS p SET lon = r.lon, lat = r.lat, coord_source = 'state_plane'
FROM ${id(recovered)} AS r WHERE p.row_id = r.row_id`;
}

/**
 * The first reason a parsed row cannot be used, or NULL. `today` (`YYYY-MM-DD`) is the latest acceptable
 * date. Checked in this order: date empty, unreadable, before 1900, in the future; coordinates missing,
 * out of range, at 0,0; repeated row id.
 */
export function rejectReasonExpression(today: string): string {
  return `CASE
    WHEN date_missing THEN 'missing_date'
    WHEN occurred_at IS NULL THEN 'unparsable_date'
    WHEN occurred_at < TIMESTAMP '1900-01-01' THEN 'date_before_1900'
    WHEN CAST(occurred_at AS DATE) > DATE ${lit(today)} THEN 'date_in_future'
    WHEN lat IS NULL OR lon IS NULL OR isnan(lat) OR isnan(lon) THEN 'missing_coordinates'
    WHEN lat < -90 OR lat > 90 OR lon < -180 OR lon > 180 THEN 'coordinates_out_of_range'
    WHEN lat = 0 AND lon = 0 THEN 'coordinates_zero'
    WHEN dup_rank > 1 THEN 'duplicate_row_id'
  END`;
}

/** The rejected rows only (row_id, source_row, incident_id, reason): small, for the report. */
export function rejectedRowsQuery(parsed: string, target: string, today: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT row_id, source_row, incident_id, reason FROM (SELECT *, ${rejectReasonExpression(today)} AS reason FROM ${id(parsed)})
WHERE reason IS NOT NULL`;
}

/**
 * The canonical incident table from the parsed rows that pass validation (see `CANONICAL_COLUMNS`), plus the
 * kept source attributes (`attr:<name>`).
 */
export function canonicalIncidentsQuery(
  parsed: string,
  target: string,
  today: string,
  attributes: readonly string[] = [],
): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT
  row_id,
  incident_id,
  occurred_at,
  CAST(occurred_at AS DATE) AS occurred_date,
  CAST(date_trunc('month', occurred_at) AS DATE) AS month,
  CAST(hour AS TINYINT) AS hour,
  CAST(isodow(occurred_at) AS TINYINT) AS weekday,
  lon,
  lat,
  fatal,
  victim_age_group,
  victim_sex,
  victim_race,
  location_type,
  precinct,
  district,
  source_row,
  coord_source${attributes
    .map(
      (c) => `,
  ${id(`attr:${c}`)}`,
    )
    .join('')}
FROM ${id(parsed)}
WHERE (${rejectReasonExpression(today)}) IS NULL`;
}

/**
 * The place and time of an incident, defined once: those of its earliest victim row (earliest `occurred_at`,
 * ties broken by row order). Every row of an incident whose victims carry different dates, coordinates or
 * police units is rewritten with the values of that row, so that each incident falls in exactly one month,
 * hour, map cell and area in every count, series, map and evaluation. Returns nothing; run it on the
 * canonical table before it is published. Two values differ among an incident's rows exactly when their
 * smallest and largest differ (NULLs ignored, as a distinct count would), which is cheaper to find than a
 * distinct count.
 */
export function unifyIncidentPlaceTimeQuery(table: string, conflicts: string): string {
  const t = id(table);
  const c = id(conflicts);
  return `CREATE OR REPLACE TABLE ${c} AS
SELECT incident_id, occurred_at, occurred_date, month, hour, weekday, lon, lat, location_type, precinct, district, coord_source
FROM ${t}
WHERE incident_id IN (
  SELECT incident_id FROM ${t} GROUP BY incident_id
  HAVING count(*) > 1 AND (${['occurred_at', 'hour', 'lon', 'lat', 'precinct', 'district', 'location_type']
    .map((c) => `min(${id(c)}) <> max(${id(c)})`)
    .join(' OR ')})
)
QUALIFY row_number() OVER (PARTITION BY incident_id ORDER BY occurred_at, row_id) = 1;
UPDATE ${t} AS i SET occurred_at = f.occurred_at, occurred_date = f.occurred_date, month = f.month, hour = f.hour,
  weekday = f.weekday, lon = f.lon, lat = f.lat, location_type = f.location_type, precinct = f.precinct,
  district = f.district, coord_source = f.coord_source
FROM ${c} AS f WHERE i.incident_id = f.incident_id`;
}

/** Number of incidents whose victim rows were unified by {@link unifyIncidentPlaceTimeQuery}. */
export function countRowsQuery(table: string): string {
  return `SELECT count(*) AS n FROM ${id(table)}`;
}

/** Count of rejected rows per reason. */
export function rejectCountsQuery(rejected: string): string {
  return `SELECT reason, count(*) AS n FROM ${id(rejected)} GROUP BY 1 ORDER BY 2 DESC, 1`;
}

/** Up to `limit` sample rows per reject reason, with the raw values of the mapped columns from the staging table. */
export function rejectSamplesQuery(
  rejected: string,
  staging: string,
  mapping: ColumnMapping,
  limit = 5,
): string {
  const raw = (column: string | undefined) =>
    column === undefined ? 'CAST(NULL AS VARCHAR)' : `CAST(s.${id(column)} AS VARCHAR)`;
  return `SELECT r.reason, r.source_row, r.incident_id, ${raw(mapping.date)} AS date_raw, ${raw(mapping.time)} AS time_raw,
  ${raw(mapping.lat)} AS lat_raw, ${raw(mapping.lon)} AS lon_raw
FROM (SELECT *, row_number() OVER (PARTITION BY reason ORDER BY source_row) AS k FROM ${id(rejected)}) AS r
JOIN ${id(staging)} AS s ON s.${id(ROW_COLUMN)} = r.row_id
WHERE r.k <= ${Math.max(1, Math.floor(limit))}
ORDER BY r.reason, r.source_row`;
}

/**
 * What the report should mention, from one scan of the parsed rows: how many are rejected (`rejected`), and
 * about those that pass validation (`n`): unreadable times and fatal values (with up to three examples each),
 * rows that repeat an earlier row in every column, points south of 60° S (where no city is: usually latitude
 * and longitude swapped), and age values that were not a recognised band (`ages`, they became unknown).
 */
export function importChecksQuery(parsed: string, today: string): string {
  const kept = 'FILTER (WHERE reason IS NULL)';
  return `SELECT count(*) ${kept} AS n,
  count(time_unreadable) ${kept} AS bad_times, list_sort(list_distinct(list(time_unreadable) ${kept}))[1:3] AS time_examples,
  count(fatal_unrecognised) ${kept} AS bad_fatal, list_sort(list_distinct(list(fatal_unrecognised) ${kept}))[1:3] AS fatal_examples,
  count(row_hash) ${kept} - count(DISTINCT row_hash) ${kept} AS copies,
  count(*) FILTER (WHERE reason IS NULL AND lat < -60) AS antarctic,
  count(*) FILTER (WHERE reason IS NULL AND age_unrecognised) AS ages,
  count(*) FILTER (WHERE reason IS NOT NULL) AS rejected
FROM (SELECT time_unreadable, fatal_unrecognised, row_hash, lat, age_unrecognised, ${rejectReasonExpression(today)} AS reason FROM ${id(parsed)})`;
}

/** Summary of a canonical incident table: rows, incidents, fatal victims, date range and bounding box. */
export function incidentSummaryQuery(table: string): string {
  return `SELECT count(*) AS victims, count(DISTINCT incident_id) AS incidents,
  count(*) FILTER (WHERE fatal) AS fatal_victims,
  count(DISTINCT incident_id) FILTER (WHERE fatal) AS fatal_incidents,
  CAST(min(occurred_date) AS VARCHAR) AS first_date, CAST(max(occurred_date) AS VARCHAR) AS last_date,
  min(lon) AS west, min(lat) AS south, max(lon) AS east, max(lat) AS north,
  count(*) FILTER (WHERE coord_source = 'state_plane') AS recovered_state_plane,
  count(*) FILTER (WHERE hour IS NULL) AS without_time
FROM ${id(table)}`;
}

/** Drops tables if they exist. */
export function dropTablesQuery(tables: readonly string[]): string {
  return tables.map((t) => `DROP TABLE IF EXISTS ${id(t)}`).join('; ');
}

/** Drops views if they exist. */
export function dropViewsQuery(views: readonly string[]): string {
  return views.map((v) => `DROP VIEW IF EXISTS ${id(v)}`).join('; ');
}

/** Replaces `target` by `source` (drop and rename), so a failed import never touches loaded data. */
export function replaceTableQuery(source: string, target: string): string {
  return `DROP TABLE IF EXISTS ${id(target)}; ALTER TABLE ${id(source)} RENAME TO ${id(target)}`;
}

/** Up to `limit` distinct non-empty values of a column, as text (for examples in messages). */
export function distinctValuesQuery(table: string, column: string, limit: number): string {
  return `SELECT DISTINCT CAST(${id(column)} AS VARCHAR) AS v FROM ${id(table)} WHERE ${id(column)} IS NOT NULL LIMIT ${Math.max(1, Math.floor(limit))}`;
}

/**
 * Approximate distinct counts of columns over the first `sample` rows (one row, a column per input column,
 * named by position `c0`, `c1`, …), to decide which source columns are categorical.
 */
export function distinctCountsQuery(table: string, columns: readonly string[], sample = 50_000): string {
  const counts = columns.map(
    (c, i) => `approx_count_distinct(nullif(trim(CAST(${id(c)} AS VARCHAR)), '')) AS ${id(`c${i}`)}`,
  );
  return `SELECT ${counts.join(', ')} FROM (SELECT * FROM ${id(table)} LIMIT ${Math.max(1, Math.floor(sample))})`;
}
