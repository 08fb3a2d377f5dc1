/**
 * Query builders that read the values of a staged source: the date formats tried on a date column, and the
 * mapping of every row into typed, not yet validated incident fields. Pure functions returning SQL text;
 * every name and value passes through `quoteIdentifier` / `quoteLiteral`.
 */
import { type ColumnMapping, MISSING_SPELLINGS } from '../schema';
import { quoteIdentifier as id, quoteLiteral as lit, quoteList } from './quote';
import { LINE_COLUMN, ROW_COLUMN } from './staged-columns';

/** Candidate strptime formats tried on a date column, in order of preference when several fit equally. */
export const DATE_FORMATS: readonly string[] = [
  '%Y-%m-%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y-%m-%d',
  '%m/%d/%Y %I:%M:%S %p',
  '%m/%d/%Y %I:%M %p',
  '%m/%d/%Y %H:%M:%S',
  '%m/%d/%Y %H:%M',
  '%m/%d/%Y',
  '%d/%m/%Y %H:%M:%S',
  '%d/%m/%Y',
  '%Y/%m/%d %H:%M:%S',
  '%Y/%m/%d',
  '%d.%m.%Y',
];

/** Pseudo-formats for numeric epoch timestamps. */
export const EPOCH_SECONDS = 'epoch-seconds';
export const EPOCH_MILLISECONDS = 'epoch-milliseconds';

/**
 * ISO 8601 text with a `T`, fractional seconds or a zone (`Z`, `+02:00`, `+0200`, `+02`, `UTC`, `GMT`, a
 * bracketed zone name) is reduced to its wall-clock part. A local
 * date published as midnight UTC (`2021-08-09T00:00:00.000Z`) therefore stays on 9 August.
 */
function normalizedDateText(trimmed: string): string {
  return `trim(regexp_replace(${trimmed}, '^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ](\\d{2}:\\d{2}(?::\\d{2})?)(?:[.,]\\d+)?)?\\s*(?:[Zz]|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?(?:\\[[^\\]]*\\])?$', '\\1 \\2'))`;
}

/** SQL turning a column into a TIMESTAMP with the given format (strptime text or an epoch pseudo-format). */
export function parseDateExpression(column: string, format: string): string {
  return parseDateText(`trim(CAST(${id(column)} AS VARCHAR))`, format);
}

/** {@link parseDateExpression} of text already trimmed (`text`, an SQL expression read more than once). */
function parseDateText(text: string, format: string): string {
  if (format === EPOCH_SECONDS) {
    return `CASE WHEN regexp_full_match(${text}, '-?\\d{1,11}') THEN epoch_ms(CAST(${text} AS BIGINT) * 1000) END`;
  }
  if (format === EPOCH_MILLISECONDS) {
    return `CASE WHEN regexp_full_match(${text}, '-?\\d{1,14}') THEN epoch_ms(CAST(${text} AS BIGINT)) END`;
  }
  // Most values parse as written; only the rest pay for the ISO normalisation (COALESCE is lazy per row).
  return `coalesce(try_strptime(${text}, ${lit(format)}), try_strptime(${normalizedDateText(text)}, ${lit(format)}))`;
}

/**
 * Scores each candidate date format on up to `sample` non-empty values of a column: how many parse.
 * Returns one row with a column per candidate, named by its position.
 */
export function dateFormatScoresQuery(table: string, column: string, sample = 2000): string {
  const candidates = [...DATE_FORMATS, EPOCH_SECONDS, EPOCH_MILLISECONDS];
  const scores = candidates.map((format, i) => {
    const parsed = parseDateExpression(column, format);
    const plausible =
      format === EPOCH_SECONDS
        ? `regexp_full_match(trim(CAST(${id(column)} AS VARCHAR)), '\\d{9,10}')`
        : format === EPOCH_MILLISECONDS
          ? `regexp_full_match(trim(CAST(${id(column)} AS VARCHAR)), '\\d{12,13}')`
          : 'TRUE';
    return `count(*) FILTER (WHERE ${plausible} AND ${parsed} IS NOT NULL) AS ${id(`f${i}`)}`;
  });
  return `SELECT count(*) AS total, ${scores.join(', ')}
FROM (SELECT ${id(column)} FROM ${id(table)} WHERE ${id(column)} IS NOT NULL AND trim(CAST(${id(column)} AS VARCHAR)) <> '' LIMIT ${sample}) AS s`;
}

/** All date-format candidates, with their position in the score query. */
export function dateFormatCandidates(): readonly string[] {
  return [...DATE_FORMATS, EPOCH_SECONDS, EPOCH_MILLISECONDS];
}

/** Whether a chosen date format carries a time of day. */
export function dateFormatHasTime(format: string): boolean {
  return format === EPOCH_SECONDS || format === EPOCH_MILLISECONDS || /%[HI]/.test(format);
}

/** Trimmed source text (an SQL expression) as NULL when it spells a missing value; `lower` is its lower case. */
function present(trimmed: string, lower: string): string {
  return `CASE WHEN ${lower} IN ${quoteList(MISSING_SPELLINGS)} THEN NULL ELSE ${trimmed} END`;
}

/** Trimmed source text (an SQL expression) as a time of day, or NULL. */
function timeOfDay(raw: string): string {
  const clock = `CASE WHEN regexp_full_match(${raw}, '\\d{3,4}') THEN substr(lpad(${raw}, 4, '0'), 1, 2) || ':' || substr(lpad(${raw}, 4, '0'), 3, 2)
    ELSE regexp_extract(${raw}, '(\\d{1,2}:\\d{2}(:\\d{2})?(\\s*[AaPp][Mm])?)$', 1) END`;
  const slow = `CAST(try_strptime('2000-01-01 ' || (${clock}), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%d %I:%M:%S %p', '%Y-%m-%d %I:%M %p']) AS TIME)`;
  return `coalesce(TRY_CAST(${raw} AS TIME), ${slow})`;
}

/** Options for mapping a staged table into parsed (not yet validated) incident rows. */
export interface ParseIncidentsOptions {
  target: string;
  /**
   * Write the table to DuckDB's temporary catalog, which is not compressed: faster to write, about 7× larger.
   * For scratch tables of sources small enough that memory does not matter.
   */
  temporary?: boolean;
  staging: string;
  mapping: ColumnMapping;
  dateFormat: string;
  /** Whether the source is a text file staged with {@link LINE_COLUMN} (source_row is then its line). */
  lineNumbers: boolean;
  /** Unmapped categorical source columns kept as `attr:<name>` for attribute filters. */
  attributes?: readonly string[];
  /** All source columns, hashed per row to find exact copies. */
  sourceColumns?: readonly string[];
}

/** Values of a fatal column read as "the victim died" (compared in lower case). */
export const FATAL_SPELLINGS: readonly string[] = [
  'true',
  't',
  '1',
  'y',
  'yes',
  'fatal',
  'killed',
  'dead',
  'deceased',
  'died',
  'murder',
  'homicide',
];
/** Values of a fatal column read as "the victim survived". */
export const NONFATAL_SPELLINGS: readonly string[] = [
  'false',
  'f',
  '0',
  'n',
  'no',
  'nonfatal',
  'non-fatal',
  'injured',
  'wounded',
  'survived',
  'alive',
];

const AGE_GROUPS = ['<18', '18-24', '25-44', '45-64', '65+'];

/**
 * Maps a staged source into typed rows. Missing spellings (`(null)`, `UNKNOWN`, `U`, empty, …) become NULL;
 * thousands separators are removed from state-plane coordinates; age values outside the usual bands become
 * NULL (flagged in `age_unrecognised`). Raw text is not copied: the report reads it back from the staging
 * table for the few rejected rows. `dup_rank` is 1 for the first row of each mapped row id.
 *
 * The work is layered so that each value is computed once per row: every source column read is trimmed once
 * (`__t<i>`) and lower-cased once (`__l<i>`); the missing spellings, times and dates are then read from those,
 * and the fields that depend on them (unreadable times, unrecognised fatal and age values) come last.
 */
export function parseIncidentsQuery(o: ParseIncidentsOptions): string {
  const m = o.mapping;
  const attributes = o.attributes ?? [];
  // Every source column read, once, in a fixed order: its trimmed text is __t<i>, in lower case __l<i>.
  const read = [
    ...new Set(
      [m.rowId, m.incidentId, m.date, m.time, m.lat, m.lon, m.stateX, m.stateY, m.fatal, m.victimAgeGroup]
        .concat([m.victimSex, m.victimRace, m.locationType, m.precinct, m.district], attributes)
        .filter((c): c is string => c !== undefined),
    ),
  ];
  const slot = (c: string) => read.indexOf(c);
  const t = (c: string) => id(`__t${slot(c)}`);
  const l = (c: string) => id(`__l${slot(c)}`);
  // Columns whose missing spellings are read (and so are lower-cased).
  const lowered = new Set(
    [m.rowId, m.incidentId, m.time, m.fatal, m.victimAgeGroup]
      .concat([m.victimSex, m.victimRace, m.locationType, m.precinct, m.district], attributes)
      .filter((c): c is string => c !== undefined),
  );
  const v = (c: string | undefined) => (c === undefined ? 'CAST(NULL AS VARCHAR)' : id(`__v${slot(c)}`));
  const number = (c: string | undefined, stripThousands: boolean) =>
    c === undefined
      ? 'CAST(NULL AS DOUBLE)'
      : `TRY_CAST(${stripThousands ? `replace(${t(c)}, ',', '')` : t(c)} AS DOUBLE)`;
  const hasTimeInDate = dateFormatHasTime(o.dateFormat);
  const occurredAt = `CASE WHEN d_ts IS NULL THEN NULL WHEN t_of_day IS NOT NULL THEN CAST(d_ts AS DATE) + t_of_day ELSE d_ts END`;
  const hour = `CASE WHEN d_ts IS NULL THEN NULL WHEN t_of_day IS NOT NULL THEN hour(t_of_day) ${
    hasTimeInDate ? 'ELSE hour(d_ts)' : 'ELSE NULL'
  } END`;
  const fatal =
    m.fatal === undefined
      ? 'CAST(NULL AS BOOLEAN)'
      : `CASE WHEN ${l(m.fatal)} IN ${quoteList(FATAL_SPELLINGS)} THEN TRUE
         WHEN ${l(m.fatal)} IN ${quoteList(NONFATAL_SPELLINGS)} THEN FALSE END`;
  const rowHash = o.sourceColumns?.length
    ? `hash(${o.sourceColumns.map((c) => `s.${id(c)}`).join(', ')})`
    : 'CAST(NULL AS UBIGINT)';
  const sourceRow = o.lineNumbers ? `s.${id(LINE_COLUMN)}` : `s.${id(ROW_COLUMN)}`;
  const age = v(m.victimAgeGroup);
  // Layer 1: each column read trimmed once. Layer 2: lower case. Layer 3: values. Layer 4: checks on them.
  const trimmed = read.map((c, i) => `trim(CAST(s.${id(c)} AS VARCHAR)) AS ${id(`__t${i}`)}`);
  const lower = read.filter((c) => lowered.has(c)).map((c) => `lower(${t(c)}) AS ${l(c)}`);
  const values = [...lowered].map((c) => `${present(t(c), l(c))} AS ${v(c)}`);
  return `CREATE OR REPLACE ${o.temporary ? 'TEMP ' : ''}TABLE ${id(o.target)} AS
SELECT row_id, source_row, row_key, incident_id, date_missing, lat, lon, state_x, state_y, fatal, victim_age_group,
  age_unrecognised, time_unreadable, fatal_unrecognised, row_hash, victim_sex, victim_race, location_type, precinct,
  district, coord_source${attributes.map((c) => `, ${id(`attr:${c}`)}`).join('')},
  ${occurredAt} AS occurred_at, ${hour} AS hour,
  ${
    m.rowId === undefined
      ? '1 AS dup_rank'
      : 'CASE WHEN row_key IS NULL THEN 1 ELSE row_number() OVER (PARTITION BY row_key ORDER BY row_id) END AS dup_rank'
  }
FROM (
  SELECT row_id, source_row, ${v(m.rowId)} AS row_key,
    coalesce(${v(m.incidentId)}, 'row-' || CAST(row_id AS VARCHAR)) AS incident_id,
    ${t(m.date)} IS NULL OR ${t(m.date)} = '' AS date_missing,
    ${parseDateText(t(m.date), o.dateFormat)} AS d_ts,
    t_of_day,
    ${number(m.lat, false)} AS lat,
    ${number(m.lon, false)} AS lon,
    ${number(m.stateX, true)} AS state_x,
    ${number(m.stateY, true)} AS state_y,
    fatal,
    CASE WHEN ${age} IN ${quoteList(AGE_GROUPS)} THEN ${age} END AS victim_age_group,
    ${age} IS NOT NULL AND ${age} NOT IN ${quoteList(AGE_GROUPS)} AS age_unrecognised,
    ${m.time === undefined ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${v(m.time)} IS NOT NULL AND t_of_day IS NULL THEN ${t(m.time)} END`} AS time_unreadable,
    ${m.fatal === undefined ? 'CAST(NULL AS VARCHAR)' : `CASE WHEN ${v(m.fatal)} IS NOT NULL AND fatal IS NULL THEN ${t(m.fatal)} END`} AS fatal_unrecognised,
    row_hash,
    ${v(m.victimSex)} AS victim_sex,
    ${v(m.victimRace)} AS victim_race,
    ${v(m.locationType)} AS location_type,
    ${v(m.precinct)} AS precinct,
    ${v(m.district)} AS district,
    'reported' AS coord_source${attributes.map((c) => `,\n    ${v(c)} AS ${id(`attr:${c}`)}`).join('')}
  FROM (
    SELECT *, ${[...values, `${m.time === undefined ? 'CAST(NULL AS TIME)' : timeOfDay(t(m.time))} AS t_of_day`, `${fatal} AS fatal`].join(',\n      ')}
    FROM (
      SELECT *${lower.map((x) => `, ${x}`).join('')}
      FROM (
        SELECT s.${id(ROW_COLUMN)} AS row_id, ${sourceRow} AS source_row, ${rowHash} AS row_hash,
          ${trimmed.join(', ')}
        FROM ${id(o.staging)} AS s
      )
    )
  )
) AS p`;
}

/**
 * How many values of the date column read in the chosen format, and how many only in the format with day
 * and month the other way round (a file that mixes the two orders).
 */
export function dateOrderConflictQuery(
  table: string,
  column: string,
  format: string,
  swapped: string,
): string {
  return `SELECT count(*) FILTER (WHERE ${parseDateExpression(column, format)} IS NULL AND ${parseDateExpression(column, swapped)} IS NOT NULL) AS other_order,
  any_value(trim(CAST(${id(column)} AS VARCHAR))) FILTER (WHERE ${parseDateExpression(column, format)} IS NULL AND ${parseDateExpression(column, swapped)} IS NOT NULL) AS example
FROM ${id(table)}`;
}

/** Fails with the engine's message when a strptime format is not valid; returns one row otherwise. */
export function dateFormatCheckQuery(format: string): string {
  return `SELECT try_strptime('2000-01-01', ${lit(format)}) AS t`;
}
