/**
 * Small conversions from Arrow results to plain JavaScript, shared by the data layer.
 */
import type { Table } from 'apache-arrow';

/** A result row as a plain object (BigInt values left as they are). */
export type Row = Record<string, unknown>;

/** All rows of a (small) result as plain objects. Use typed columns for large results. */
export function arrowRows(table: Table): Row[] {
  return table.toArray().map((row) => (row as { toJSON(): Row }).toJSON());
}

/** One numeric column of a result as a Float64Array (BigInt, Int and Float columns; NULL becomes NaN). */
export function numberColumn(table: Table, name: string): Float64Array {
  const vector = table.getChild(name);
  if (!vector) throw new RangeError(`The result has no column "${name}"`);
  if (vector.nullCount === 0) {
    // Fast path: the column's own typed array (BigInt values converted once).
    const values = vector.toArray() as ArrayLike<number | bigint>;
    if (values instanceof Float64Array) return Float64Array.from(values);
    const out = new Float64Array(vector.length);
    for (let i = 0; i < out.length; i++) out[i] = Number(values[i]);
    return out;
  }
  const out = new Float64Array(vector.length);
  for (let i = 0; i < vector.length; i++) {
    const v = vector.get(i);
    out[i] = v === null || v === undefined ? Number.NaN : Number(v);
  }
  return out;
}
