/**
 * The filter every view applies to the canonical incident table, and its translation to a SQL predicate.
 */
import { quoteIdentifier as id, quoteLiteral as lit, quoteList } from './quote';

/** Categorical columns of the canonical table that attribute filters may use. */
export const FILTERABLE_COLUMNS = [
  'victim_age_group',
  'victim_sex',
  'victim_race',
  'location_type',
  'precinct',
  'district',
] as const;

/** Prefix of the source's own categorical columns kept in the canonical table (e.g. `attr:PERP_SEX`). */
export const SOURCE_ATTRIBUTE_PREFIX = 'attr:';

/** A filterable categorical column: a canonical one, or a source column kept as `attr:<name>`. */
export type FilterableColumn = (typeof FILTERABLE_COLUMNS)[number] | `attr:${string}`;

/** True when `column` may be used in an attribute filter. */
export function isFilterableColumn(column: string): column is FilterableColumn {
  return (
    (FILTERABLE_COLUMNS as readonly string[]).includes(column) ||
    (column.startsWith(SOURCE_ATTRIBUTE_PREFIX) && column.length > SOURCE_ATTRIBUTE_PREFIX.length)
  );
}

/** A selection over incidents. Every field is optional; an absent field does not filter. */
export interface IncidentFilter {
  /** First day included, `YYYY-MM-DD`. */
  from?: string;
  /** Last day included, `YYYY-MM-DD`. */
  to?: string;
  fatal?: 'all' | 'fatal' | 'nonfatal';
  /** Hours of day 0-23 kept. */
  hours?: readonly number[];
  /** ISO weekdays 1-7 kept. */
  weekdays?: readonly number[];
  /** Categorical column → values kept (`null` in the list keeps unknowns). */
  attrs?: Partial<Record<FilterableColumn, readonly (string | null)[]>>;
  /** A table with a `row_id` column: only those rows (a drawn area, selected boundaries, …). */
  rowSet?: string;
}

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** True for a real calendar date written `YYYY-MM-DD` (2020-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!DATE_RE.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().slice(0, 10) === value;
}

function isoDate(value: string, what: string): string {
  if (!isCalendarDate(value)) {
    throw new RangeError(`${what} must be a date YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

function integers(values: readonly number[], min: number, max: number, what: string): number[] {
  for (const v of values) {
    if (!Number.isInteger(v) || v < min || v > max)
      throw new RangeError(`${what} must be integers ${min}-${max}, got ${v}`);
  }
  return [...values];
}

/**
 * SQL predicate (without `WHERE`) for a filter over a table aliased `alias`. `TRUE` when nothing filters.
 * @throws RangeError for malformed dates, hours, weekdays or unknown attribute columns.
 */
export function incidentFilterSql(filter: IncidentFilter = {}, alias = 'i'): string {
  const a = id(alias);
  const parts: string[] = [];
  if (filter.from) parts.push(`${a}.occurred_date >= DATE ${lit(isoDate(filter.from, 'from'))}`);
  if (filter.to) parts.push(`${a}.occurred_date <= DATE ${lit(isoDate(filter.to, 'to'))}`);
  if (filter.fatal === 'fatal') parts.push(`${a}.fatal`);
  if (filter.fatal === 'nonfatal') parts.push(`NOT coalesce(${a}.fatal, FALSE)`);
  if (filter.hours && filter.hours.length < 24)
    parts.push(`${a}.hour IN ${quoteList(integers(filter.hours, 0, 23, 'hours'))}`);
  if (filter.weekdays && filter.weekdays.length < 7) {
    parts.push(`${a}.weekday IN ${quoteList(integers(filter.weekdays, 1, 7, 'weekdays'))}`);
  }
  for (const [column, values] of Object.entries(filter.attrs ?? {}) as [
    FilterableColumn,
    (string | null)[],
  ][]) {
    if (!isFilterableColumn(column)) throw new RangeError(`Cannot filter on column "${column}"`);
    const known = values.filter((v): v is string => v !== null);
    const clauses = [`${a}.${id(column)} IN ${quoteList(known)}`];
    if (values.includes(null)) clauses.push(`${a}.${id(column)} IS NULL`);
    parts.push(`(${clauses.join(' OR ')})`);
  }
  if (filter.rowSet) parts.push(`${a}.row_id IN (SELECT row_id FROM ${id(filter.rowSet)})`);
  return parts.length === 0 ? 'TRUE' : parts.join(' AND ');
}
