/**
 * The one place where names and values become SQL text. Every identifier (table or column name, including
 * the user's own column names) goes through `quoteIdentifier`, every literal through `quoteLiteral`; values
 * that vary per call are better bound as prepared-statement parameters.
 */

/** Quotes a table or column name: wraps it in double quotes and doubles any quote inside. */
export function quoteIdentifier(name: string): string {
  if (typeof name !== 'string' || name.length === 0)
    throw new TypeError('An SQL identifier must be a non-empty string');
  if (name.includes('\u0000')) throw new TypeError('An SQL identifier cannot contain a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** A value that can be written as an SQL literal. */
export type SqlLiteral = string | number | bigint | boolean | null | Date;

/**
 * Writes a value as an SQL literal: strings single-quoted with quotes doubled, finite numbers as numbers,
 * booleans as TRUE/FALSE, null as NULL, dates as `TIMESTAMP '…'` in UTC wall-clock form.
 */
export function quoteLiteral(value: SqlLiteral): string {
  if (value === null) return 'NULL';
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Cannot write ${value} as an SQL number`);
    return String(value);
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new RangeError('Cannot write an invalid date as SQL');
    return `TIMESTAMP '${value.toISOString().replace('T', ' ').replace('Z', '')}'`;
  }
  if (value.includes('\u0000')) throw new TypeError('An SQL string cannot contain a NUL character');
  return `'${value.replaceAll("'", "''")}'`;
}

/** Writes a list of literals for `IN (…)`. An empty list becomes `(NULL)`, which matches nothing. */
export function quoteList(values: readonly SqlLiteral[]): string {
  if (values.length === 0) return '(NULL)';
  return `(${values.map(quoteLiteral).join(', ')})`;
}
