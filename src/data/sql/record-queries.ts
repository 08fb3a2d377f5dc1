/**
 * Query builders that turn the physical lines of a delimited text file into records and split them into
 * fields. A record is one line, unless a quoted field runs over line breaks (RFC 4180 allows them, and
 * narrative or address columns contain them): then it is the lines from the one that opens the field to the
 * next line with an odd number of quotes. Which lines belong together is decided in the importer from
 * {@link oddQuoteLinesQuery} (so that an unbalanced quote can be capped and reading resynchronised); these
 * builders only find those lines and join them. Pure functions returning SQL text.
 */
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

function regexEscape(ch: string): string {
  return /[\\^$.|?*+()[\]{}]/.test(ch) ? `\\${ch}` : ch;
}

/** The regular expressions of one field and of a whole record for a delimiter (quote `"`, doubled inside). */
function fieldPatterns(delimiter: string): { d: string; field: string; whole: string; opener: string } {
  const d = regexEscape(delimiter);
  const plain = d === '\\|' ? '|' : d;
  // A quoted field may hold line breaks; an unquoted one may not.
  const field = ` *"(?:[^"]|"")*" *|[^${plain}"\\n]*`;
  return {
    d,
    field,
    whole: `(?:${field})(?:${d}(?:${field}))*`,
    opener: `(?:(?:${field})${d})* *"(?:[^"]|"")*`,
  };
}

/**
 * The data lines (after `headerLine`) with an odd number of `"`, in line order, each with `opens`: whether it
 * can open a multi-line record (complete fields, then a quote opening a field that runs to the end of the
 * line). The lines the engine could not read (`rejects`, a snapshot) come too, with `opens` NULL: a record
 * never runs across them.
 */
export function oddQuoteLinesQuery(o: {
  lines: string;
  rejects: string | null;
  headerLine: number;
  delimiter: string;
}): string {
  const { opener } = fieldPatterns(o.delimiter);
  const header = Math.floor(o.headerLine);
  const rejects = o.rejects
    ? `UNION ALL SELECT line, CAST(NULL AS BOOLEAN) AS opens FROM ${id(o.rejects)} WHERE line > ${header}`
    : '';
  return `SELECT line, opens FROM (
  SELECT line, regexp_full_match(text, ${lit(opener)}) AS opens FROM ${id(o.lines)}
  WHERE line > ${header} AND ${ODD_QUOTES}
  ${rejects}
) ORDER BY line`;
}

/** A line (`text`) with an odd number of `"`. */
const ODD_QUOTES = `contains(text, '"') AND (strlen(text) - strlen(replace(text, '"', ''))) % 2 = 1`;

/**
 * {@link oddQuoteLinesQuery} as one aggregate over the engine's lines (`n`, `text`): a list of `{line, opens}`
 * in line order, NULL when there is none. The engine's numbering is an editor's only when it rejected no line
 * and read no empty line inside a CR LF; then this aggregate, added to the scan that counts the lines, saves
 * a scan of the file.
 */
export function oddQuoteLinesAggregate(headerLine: number, delimiter: string): string {
  const { opener } = fieldPatterns(delimiter);
  return `list({'line': n, 'opens': regexp_full_match(text, ${lit(opener)})} ORDER BY n)
  FILTER (WHERE n > ${Math.floor(headerLine)} AND ${ODD_QUOTES})`;
}

/**
 * The physical lines of each record that spans several lines (`ranges`: `start`, `stop`, `runaway`), one row
 * per line, materialised (few: at most the record line limit per range). A runaway range is one line whose
 * quote is not closed in time; it stays a record of its own.
 */
export function recordMembersQuery(target: string, ranges: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT CAST(start AS BIGINT) AS rec, unnest(range(CAST(start AS BIGINT), CAST(stop AS BIGINT) + 1)) AS line, runaway <> 0 AS runaway
FROM ${id(ranges)}`;
}

/**
 * The records of the file (`line` = the record's first physical line, `text` with its line breaks as LF,
 * `runaway`, `lines`): the lines in `members` joined per record, every other line as it is. With no
 * `members`, every line is a record.
 */
export function recordsQuery(view: string, lines: string, members: string | null): string {
  if (!members)
    return `CREATE OR REPLACE VIEW ${id(view)} AS SELECT line, text, false AS runaway, 1 AS lines FROM ${id(lines)}`;
  return `CREATE OR REPLACE VIEW ${id(view)} AS
SELECT l.line, l.text, false AS runaway, 1 AS lines
FROM ${id(lines)} AS l LEFT JOIN ${id(members)} AS m ON l.line = m.line WHERE m.line IS NULL
UNION ALL
SELECT m.rec AS line, string_agg(coalesce(l.text, ''), chr(10) ORDER BY l.line) AS text, bool_or(m.runaway) AS runaway,
  count(*) AS lines
FROM ${id(members)} AS m JOIN ${id(lines)} AS l ON l.line = m.line GROUP BY m.rec`;
}

/** How many records span several lines, and how many non-blank lines they hold (runaway lines excluded). */
export function multiLineCountsQuery(lines: string, members: string): string {
  return `SELECT count(DISTINCT m.rec) AS records, count(*) FILTER (WHERE trim(l.text) <> '') AS nonblank
FROM ${id(members)} AS m JOIN ${id(lines)} AS l ON l.line = m.line WHERE NOT m.runaway`;
}

/** Options of {@link splitRecordsQuery}. */
export interface SplitRecordsOptions {
  view: string;
  /** A view from {@link recordsQuery}. */
  records: string;
  headerLine: number;
  delimiter: string;
  columnCount: number;
  /** Longest record that spans several lines, in bytes (a single line is held to this by the engine). */
  maxRecordBytes: number;
}

/**
 * The data records split into fields (`f`, a list) with `problem` NULL for a good record, else `unclosed` (a
 * quote opened on the line is not closed in time), `long` (a multi-line record over the byte limit), `quote`
 * (a quote that is not closed, or one inside an unquoted field) or `fields` (not as many fields as the
 * header). Fields may be quoted with `"` (doubled inside, line breaks allowed); records without a quote take
 * the fast split. Blank lines are left out.
 */
export function splitRecordsQuery(o: SplitRecordsOptions): string {
  const { d, field, whole } = fieldPatterns(o.delimiter);
  const unquote = `list_transform(regexp_extract_all(${lit(o.delimiter)} || text, ${lit(`${d}(${field})`)}, 1),
      x -> CASE WHEN contains(x, '"') THEN replace(substr(trim(x), 2, length(trim(x)) - 2), '""', '"') ELSE x END)`;
  return `CREATE OR REPLACE VIEW ${id(o.view)} AS
SELECT line, text, f,
  CASE WHEN runaway THEN 'unclosed' WHEN lines > 1 AND strlen(text) > ${Math.floor(o.maxRecordBytes)} THEN 'long'
    WHEN f IS NULL THEN 'quote' WHEN len(f) <> ${Math.floor(o.columnCount)} THEN 'fields' END AS problem
FROM (
  SELECT line, text, runaway, lines,
    CASE WHEN runaway OR (lines > 1 AND strlen(text) > ${Math.floor(o.maxRecordBytes)}) THEN NULL
      WHEN NOT contains(text, '"') THEN string_split(text, ${lit(o.delimiter)})
      WHEN regexp_full_match(text, ${lit(whole)}) THEN ${unquote} END AS f
  FROM ${id(o.records)}
  WHERE line > ${Math.floor(o.headerLine)} AND text IS NOT NULL AND trim(text) <> ''
)`;
}
