/**
 * Queries that write and read an archive (`docs/ARCHIVE.md`): the H3 parent of a stored cell by bit
 * arithmetic, the rows of one partition in archive order, per-partition statistics and the summary tables
 * (incidents, victims, fatal incidents and fatal victims by month × something).
 */
import { FILTERABLE_COLUMNS, SOURCE_ATTRIBUTE_PREFIX } from './incident-filter';
import { quoteIdentifier as id, quoteLiteral as lit } from './quote';

/** The four measures every summary table carries, over rows aliased `i`. */
const MEASURES = `count(DISTINCT i.incident_id) AS incidents, count(*) AS victims,
  count(DISTINCT i.incident_id) FILTER (WHERE i.fatal) AS fatal_incidents,
  count(*) FILTER (WHERE i.fatal) AS fatal_victims`;

function resolution(r: number): number {
  if (!Number.isInteger(r) || r < 0 || r > 15) throw new RangeError(`An H3 resolution is 0-15, not ${r}`);
  return r;
}

/**
 * SQL for the H3 parent at resolution `r` of a cell index (BIGINT) stored at a finer resolution: the four
 * resolution bits (52-55) are set to `r` and the digits of resolutions r+1…15 (three bits each, lowest bits)
 * are set to 7, the "unused digit" value. Equal to h3-js `cellToParent` (tested).
 */
export function h3ParentSql(column: string, r: number): string {
  const res = resolution(r);
  const unusedBits = 3 * (15 - res);
  const digitMask = unusedBits === 0 ? '0' : `((CAST(1 AS BIGINT) << ${unusedBits}) - 1)`;
  return `((${column} & ~(CAST(15 AS BIGINT) << 52) & ~${digitMask}) | (CAST(${res} AS BIGINT) << 52) | ${digitMask})`;
}

/** SQL text of an H3 index (BIGINT) in h3-js's form: lower-case hexadecimal. */
export function h3TextSql(indexSql: string): string {
  return `lower(hex(${indexSql}))`;
}

/** Creates `target`: every row of `table` with the H3 cell of `cells` (row_id, h3) joined on. */
export function withCellsQuery(target: string, table: string, cells: string): string {
  return `CREATE OR REPLACE TABLE ${id(target)} AS
SELECT i.*, c.h3 FROM ${id(table)} AS i JOIN ${id(cells)} AS c ON c.row_id = i.row_id`;
}

/** How the archive's incident files are partitioned. */
export type PartitionScheme = 'year' | 'none';

/** The partitions present in a table: `key` is the year (or 0 when unpartitioned), with their statistics. */
export function partitionStatsQuery(table: string, scheme: PartitionScheme): string {
  const key = scheme === 'year' ? 'CAST(year(i.occurred_date) AS INTEGER)' : '0';
  return `SELECT ${key} AS key, count(*) AS victims, count(DISTINCT i.incident_id) AS incidents,
  CAST(min(i.occurred_date) AS VARCHAR) AS first_date, CAST(max(i.occurred_date) AS VARCHAR) AS last_date
FROM ${id(table)} AS i GROUP BY 1 ORDER BY 1`;
}

/**
 * The rows of one partition in archive order (time, then H3 cell, then row id), with the given columns.
 * `key` is the partition's year, or null for the only partition of an unpartitioned archive.
 */
export function partitionRowsQuery(table: string, columns: readonly string[], key: number | null): string {
  const where = key === null ? 'TRUE' : `year(occurred_date) = ${lit(key)}`;
  return `SELECT ${columns.map((c) => id(c)).join(', ')} FROM ${id(table)} WHERE ${where}
ORDER BY occurred_at, h3, row_id`;
}

/** Categorical columns of a table summarised by month × value: the canonical ones and `attr:` columns. */
export function summaryAttributeColumns(columns: readonly string[]): string[] {
  return columns.filter(
    (c) =>
      (FILTERABLE_COLUMNS as readonly string[]).includes(c) ||
      (c.startsWith(SOURCE_ATTRIBUTE_PREFIX) && c.length > SOURCE_ATTRIBUTE_PREFIX.length),
  );
}

/** Summary: month × H3 cell at resolution `r` (cell as h3-js text), from a table with an `h3` column. */
export function summaryByCellQuery(table: string, r: number): string {
  return `SELECT i.month, ${h3TextSql(h3ParentSql('i.h3', r))} AS cell, ${MEASURES}
FROM ${id(table)} AS i GROUP BY ALL ORDER BY 1, 2`;
}

/** Month index (0 = `firstMonth`) × H3 cell at resolution `r`, in the four measures, for the first screen. */
export function summaryMonthCellQuery(table: string, firstMonth: string, r: number): string {
  return `SELECT CAST(datediff('month', DATE ${lit(firstMonth)}, i.month) AS INTEGER) AS m,
  ${h3TextSql(h3ParentSql('i.h3', r))} AS cell, ${MEASURES}
FROM ${id(table)} AS i GROUP BY ALL ORDER BY 1, 2`;
}

/** Summary: month × hour × ISO weekday (hour NULL when the time is unknown). */
export function summaryHourWeekdayQuery(table: string): string {
  return `SELECT i.month, i.hour, i.weekday, ${MEASURES}
FROM ${id(table)} AS i GROUP BY ALL ORDER BY 1, 2 NULLS LAST, 3`;
}

/**
 * Summary: month × each categorical column's values, in long form (`attribute`, `value`; value NULL for
 * unknown). An incident counts once under every value one of its victims has.
 */
export function summaryAttributeQuery(table: string, columns: readonly string[]): string {
  if (columns.length === 0) {
    return `SELECT CAST(NULL AS DATE) AS month, CAST(NULL AS VARCHAR) AS attribute, CAST(NULL AS VARCHAR) AS value,
  0::BIGINT AS incidents, 0::BIGINT AS victims, 0::BIGINT AS fatal_incidents, 0::BIGINT AS fatal_victims WHERE FALSE`;
  }
  return columns
    .map(
      (c) => `SELECT i.month, ${lit(c)} AS attribute, CAST(i.${id(c)} AS VARCHAR) AS value, ${MEASURES}
FROM ${id(table)} AS i GROUP BY ALL`,
    )
    .join('\nUNION ALL\n')
    .concat('\nORDER BY 1, 2, 3 NULLS LAST');
}

/**
 * Summary: month × boundary feature of one layer (`areaTable` holds row_id → feature index; `ids` maps the
 * index to the feature's id). Rows outside every feature are left out.
 */
export function summaryByAreaQuery(
  table: string,
  areaTable: string,
  layer: string,
  ids: readonly string[],
): string {
  const list = `[${ids.map((v) => lit(v)).join(', ')}]::VARCHAR[]`;
  return `SELECT i.month, ${lit(layer)} AS layer, (${list})[a.area + 1] AS feature, ${MEASURES}
FROM ${id(table)} AS i JOIN ${id(areaTable)} AS a ON a.row_id = i.row_id GROUP BY ALL ORDER BY 1, 3`;
}

/** Describes a table's columns (name, type) in order. */
export function tableColumnsQuery(table: string): string {
  return `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = ${lit(table)} ORDER BY ordinal_position`;
}

/** Smallest and largest row id of a table. */
export function rowIdRangeQuery(table: string): string {
  return `SELECT min(row_id) AS lo, max(row_id) AS hi FROM ${id(table)}`;
}

/**
 * Creates `target` from several canonical tables, columns matched by name (a source without an attribute
 * column gets NULL). Each table's row ids are shifted by its `shift` so that they stay unique.
 */
export function unionSourcesQuery(
  target: string,
  sources: readonly { table: string; shift: bigint }[],
): string {
  const parts = sources.map(
    (s) => `SELECT * REPLACE (row_id + ${lit(s.shift)} AS row_id) FROM ${id(s.table)}`,
  );
  return `CREATE OR REPLACE TABLE ${id(target)} AS ${parts.join('\nUNION ALL BY NAME\n')}`;
}

/** Appends every row of `source` to `target` (columns matched by name). */
export function appendRowsQuery(target: string, source: string): string {
  return `INSERT INTO ${id(target)} BY NAME SELECT * FROM ${id(source)}`;
}
