/**
 * Distance and time bands for the near-repeat (Knox) table, and their labels.
 *
 * Bands are given as upper bounds. Space bands `[100, 200, 300, 400]` (metres) make five rows: "same
 * location" (exactly 0 m apart), then (0, 100], (100, 200], (200, 300] and (300, 400] metres, labelled
 * "1–100 m", "101–200 m", … in the style of the Near Repeat Calculator (distances are continuous, so
 * "101–200 m" means more than 100 m and at most 200 m). Time bands `[7, 14, 21, 28]` (whole days) make four
 * columns: 0–7, 8–14, 15–21 and 22–28 days apart. Pairs farther apart than the last band in either
 * dimension fall outside the table.
 */

/** Validated bands, their labels, and a lookup from a day difference to its column. */
export interface KnoxBands {
  /** Space band upper bounds in metres, strictly increasing and positive. */
  spaceBands: number[];
  /** Time band upper bounds in whole days, strictly increasing positive integers. */
  timeBands: number[];
  /** Row labels: "same location" first, then one per space band. Length `spaceBands.length + 1`. */
  spaceLabels: string[];
  /** Column labels, one per time band (e.g. "0–7 days"). */
  timeLabels: string[];
  /** `columnOfDayDifference[d]` is the column of a pair `d` days apart, for d = 0 … last time band. */
  columnOfDayDifference: Int32Array;
}

/**
 * Validates space and time bands and builds their labels.
 *
 * @param spaceBands - upper bounds in metres; finite, positive, strictly increasing, at most 254 of them.
 * @param timeBands - upper bounds in whole days; positive integers, strictly increasing.
 * @throws {TypeError} when a band list is not an array of numbers.
 * @throws {RangeError} when a band list is empty, unordered, non-positive or (time) not whole days.
 */
export function knoxBands(spaceBands: readonly number[], timeBands: readonly number[]): KnoxBands {
  checkBands(spaceBands, 'spaceBands', false);
  checkBands(timeBands, 'timeBands', true);
  if (spaceBands.length > 254) throw new RangeError('spaceBands: at most 254 bands are supported');
  const maxDays = timeBands[timeBands.length - 1]!;
  if (maxDays > 100_000) throw new RangeError('timeBands: the last band must be at most 100,000 days');

  const spaceLabels = ['same location'];
  let previous = 0;
  for (const bound of spaceBands) {
    const from = Number.isInteger(previous) && Number.isInteger(bound) ? `${previous + 1}` : `>${previous}`;
    spaceLabels.push(`${from}–${bound} m`);
    previous = bound;
  }

  const timeLabels: string[] = [];
  const columnOfDayDifference = new Int32Array(maxDays + 1);
  let first = 0;
  timeBands.forEach((bound, column) => {
    timeLabels.push(`${first}–${bound} days`);
    columnOfDayDifference.fill(column, first, bound + 1);
    first = bound + 1;
  });

  return {
    spaceBands: [...spaceBands],
    timeBands: [...timeBands],
    spaceLabels,
    timeLabels,
    columnOfDayDifference,
  };
}

function checkBands(bands: readonly number[], name: string, wholeDays: boolean): void {
  if (!Array.isArray(bands)) throw new TypeError(`${name} must be an array of numbers`);
  if (bands.length === 0) throw new RangeError(`${name} must hold at least one band`);
  let previous = 0;
  for (const bound of bands) {
    if (typeof bound !== 'number') throw new TypeError(`${name} must be an array of numbers`);
    if (!Number.isFinite(bound) || bound <= 0) {
      throw new RangeError(`${name}: every bound must be a finite positive number (got ${bound})`);
    }
    if (wholeDays && !Number.isInteger(bound)) {
      throw new RangeError(`${name}: bounds are whole days (got ${bound})`);
    }
    if (bound <= previous)
      throw new RangeError(`${name} must be strictly increasing (got ${bands.join(', ')})`);
    previous = bound;
  }
}
