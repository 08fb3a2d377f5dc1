/**
 * Dense design matrices for the count regressions: n rows (observations) by p named columns
 * (coefficients), stored row-major. Columns are given by name; every value must be finite.
 */
/** A dense design matrix: `values` holds `rows` × `columns` numbers in row-major order. */
export interface DesignMatrix {
  /** Number of observations n. */
  rows: number;
  /** Number of coefficients p. */
  columns: number;
  /** Row-major entries, length rows × columns. */
  values: Float64Array;
  /** Column names, length `columns`. */
  names: string[];
}

/**
 * Builds a {@link DesignMatrix} from named columns (each of length n).
 * @throws RangeError when the columns have different lengths or contain non-finite values.
 */
export function designMatrixFromColumns(columns: Record<string, ArrayLike<number>>): DesignMatrix {
  const names = Object.keys(columns);
  if (names.length === 0) throw new RangeError('design matrix needs at least one column');
  const n = (columns[names[0] as string] as ArrayLike<number>).length;
  const p = names.length;
  const values = new Float64Array(n * p);
  names.forEach((name, j) => {
    const col = columns[name] as ArrayLike<number>;
    if (col.length !== n) throw new RangeError(`column ${name} has length ${col.length}, expected ${n}`);
    for (let i = 0; i < n; i++) {
      const v = col[i] as number;
      if (!Number.isFinite(v)) throw new RangeError(`column ${name} has a non-finite value at row ${i}`);
      values[i * p + j] = v;
    }
  });
  return { rows: n, columns: p, values, names };
}
