/**
 * The first screen of an archive, drawn from its summaries (`summaries/first-screen.json`) before the engine
 * has read any partition: the same prefix-sum cubes the dashboard's views build from engine queries, built
 * from the summary's (month, bin) counts instead. Summaries hold counts by month, by month × hour × weekday
 * and by month × H3 cell without other filters, so the preview answers the time brush and the unit only;
 * a view with any other filter waits for the engine.
 */
import type { FirstScreen } from '../data/archive/manifest';
import { type MeasureCubes, unitCube } from './cubes';
import { cubeMonthly, cubeRange, prefixCube } from './prefix-cube';
import type { UrlViewState } from './url/types';

/** The cubes of a first screen. */
export interface PreviewCubes {
  monthCount: number;
  time: MeasureCubes;
  matrix: MeasureCubes;
  cells: string[];
  hex: MeasureCubes;
}

function cubesOf(flat: readonly number[], monthCount: number, bins: number): MeasureCubes {
  const n = flat.length / 6;
  const m = new Float64Array(n);
  const b = new Float64Array(n);
  const measures = [0, 1, 2, 3].map(() => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    m[i] = flat[6 * i]!;
    b[i] = flat[6 * i + 1]!;
    for (let k = 0; k < 4; k++) measures[k]![i] = flat[6 * i + 2 + k]!;
  }
  const cube = (k: number) => prefixCube(monthCount, bins, m, b, measures[k]!);
  return { incidents: cube(0), victims: cube(1), fatalIncidents: cube(2), fatalVictims: cube(3) };
}

/** Builds the cubes of a first screen. */
export function previewCubes(fs: FirstScreen): PreviewCubes {
  return {
    monthCount: fs.monthCount,
    time: cubesOf(fs.time, fs.monthCount, 1),
    matrix: cubesOf(fs.hourWeekday, fs.monthCount, 7 * 24 + 1),
    cells: fs.cells,
    hex: cubesOf(fs.byCell, fs.monthCount, fs.cells.length),
  };
}

/** True when summaries answer the view: no filter other than the time brush (and the unit). */
export function previewAnswers(view: UrlViewState): boolean {
  return (
    view.fatal === 'all' &&
    view.hours.length === 24 &&
    view.weekdays.length === 7 &&
    Object.keys(view.attrs).length === 0 &&
    view.areas.ids.length === 0 &&
    view.areas.polygon === null
  );
}

/** What the first screen shows, in the shapes of the dashboard's views. */
export interface PreviewViews {
  headline: { incidents: number; victims: number; fatalIncidents: number; fatalVictims: number };
  monthly: { totals: Float64Array; fatal: Float64Array };
  matrix: Float64Array;
  hexagons: { cells: string[]; counts: Float64Array; perYearMax: number; years: number };
}

/** The views for a brush (month indexes, inclusive) and unit. */
export function previewViews(
  c: PreviewCubes,
  brush: readonly [number, number],
  unit: UrlViewState['unit'],
): PreviewViews {
  const at = (cube: MeasureCubes['incidents']) => cubeRange(cube, brush[0], brush[1])[0]!;
  const years = (brush[1] - brush[0] + 1) / 12;
  const hexCube = unitCube(c.hex, unit);
  let fullMax = 0;
  for (const v of cubeRange(hexCube, 0, c.monthCount - 1)) fullMax = Math.max(fullMax, v);
  return {
    headline: {
      incidents: at(c.time.incidents),
      victims: at(c.time.victims),
      fatalIncidents: at(c.time.fatalIncidents),
      fatalVictims: at(c.time.fatalVictims),
    },
    monthly: {
      totals: cubeMonthly(unitCube(c.time, unit)),
      fatal: cubeMonthly(unitCube(c.time, unit, true)),
    },
    matrix: cubeRange(unitCube(c.matrix, unit), brush[0], brush[1]),
    hexagons: {
      cells: c.cells,
      counts: cubeRange(hexCube, brush[0], brush[1]),
      perYearMax: fullMax / (c.monthCount / 12),
      years,
    },
  };
}
