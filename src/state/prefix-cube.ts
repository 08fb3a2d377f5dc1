/**
 * Brush index: counts per (month, bin) turned into prefix sums over months, so that the counts of every
 * bin for any month range are one subtraction per bin. Built once from a single engine query when a view
 * becomes active or a non-time filter changes; a time brush then never re-scans rows (the approach of
 * Falcon and Mosaic's data cubes).
 */

/** Prefix sums over months for `bins` bins. */
export interface PrefixCube {
  months: number;
  bins: number;
  /** (months + 1) × bins, month-major: row m holds the sums of months 0..m-1. */
  prefix: Float64Array;
}

/**
 * Builds a cube from sparse (month, bin, value) triples.
 * @throws RangeError for a month or bin outside the declared size.
 */
export function prefixCube(
  months: number,
  bins: number,
  month: ArrayLike<number>,
  bin: ArrayLike<number>,
  value: ArrayLike<number>,
): PrefixCube {
  if (!Number.isInteger(months) || months < 0 || !Number.isInteger(bins) || bins < 0) {
    throw new RangeError('prefixCube: months and bins must be non-negative integers');
  }
  if (month.length !== bin.length || month.length !== value.length) {
    throw new RangeError('prefixCube: month, bin and value must have the same length');
  }
  const prefix = new Float64Array((months + 1) * bins);
  for (let i = 0; i < month.length; i++) {
    const m = month[i]!;
    const b = bin[i]!;
    if (!(m >= 0 && m < months && b >= 0 && b < bins)) {
      throw new RangeError(`prefixCube: entry ${i} (month ${m}, bin ${b}) is outside ${months} × ${bins}`);
    }
    prefix[(m + 1) * bins + b]! += value[i]!;
  }
  for (let m = 1; m <= months; m++) {
    const row = m * bins;
    const previous = row - bins;
    for (let b = 0; b < bins; b++) prefix[row + b]! += prefix[previous + b]!;
  }
  return { months, bins, prefix };
}

/**
 * Sums of every bin over months `from`..`to` inclusive (clamped to the cube), written into `out` if given.
 * An empty range gives zeros.
 */
export function cubeRange(
  cube: PrefixCube,
  from: number,
  to: number,
  out = new Float64Array(cube.bins),
): Float64Array {
  const lo = Math.max(0, Math.min(cube.months, Math.floor(from)));
  const hi = Math.max(0, Math.min(cube.months, Math.floor(to) + 1));
  if (hi <= lo) return out.fill(0);
  const a = lo * cube.bins;
  const b = hi * cube.bins;
  for (let i = 0; i < cube.bins; i++) out[i] = cube.prefix[b + i]! - cube.prefix[a + i]!;
  return out;
}

/** The value of one bin in each month (for a month histogram from a one-bin cube). */
export function cubeMonthly(cube: PrefixCube, bin = 0): Float64Array {
  const out = new Float64Array(cube.months);
  for (let m = 0; m < cube.months; m++) {
    out[m] = cube.prefix[(m + 1) * cube.bins + bin]! - cube.prefix[m * cube.bins + bin]!;
  }
  return out;
}
