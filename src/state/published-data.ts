/**
 * The published tables of the current filters, read from the areas brush index: areas × calendar years,
 * the months of each year summed over the areas, and fatal counts per year — then suppressed together by
 * {@link publishTables}. "City" here means the union of the areas, so every published number is a sum
 * of the same table's cells.
 */
import {
  type PublishedTables,
  type PublishedTablesInput,
  publishTables,
} from '../analysis/privacy/published-tables';
import { type MeasureCubes, unitCube } from './cubes';
import { monthLabel } from './datasets';
import { cubeRange } from './prefix-cube';

/** The tables with their year labels and month spans. */
export interface PublishedData {
  years: string[];
  /** First and last month index of each year within the data. */
  spans: [number, number][];
  input: PublishedTablesInput;
  tables: PublishedTables;
}

/** Builds and suppresses the published tables (see the module header). */
export function publishedData(
  cubes: MeasureCubes,
  unit: 'incidents' | 'victims',
  firstMonth: string,
  monthCount: number,
  k: number,
): PublishedData {
  const cube = unitCube(cubes, unit);
  const fatalCube = unitCube(cubes, unit, true);
  const years: string[] = [];
  const spans: [number, number][] = [];
  for (let m = 0; m < monthCount; m++) {
    const year = monthLabel(firstMonth, m).slice(0, 4);
    if (years[years.length - 1] !== year) {
      years.push(year);
      spans.push([m, m]);
    } else spans[spans.length - 1]![1] = m;
  }
  const areas = cube.bins;
  const byYear = spans.map(([a, b]) => cubeRange(cube, a, b));
  const areaYear = Array.from({ length: areas }, (_, i) => byYear.map((counts) => counts[i]!));
  const sum = (values: Float64Array) => values.reduce((s, v) => s + v, 0);
  const monthsByYear = spans.map(([a, b]) =>
    Array.from({ length: b - a + 1 }, (_, n) => sum(cubeRange(cube, a + n, a + n))),
  );
  const fatalByYear = spans.map(([a, b]) => sum(cubeRange(fatalCube, a, b)));
  const input = { k, areaYear, monthsByYear, fatalByYear };
  return { years, spans, input, tables: publishTables(input) };
}
