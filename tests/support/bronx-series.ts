/**
 * A program series built from the committed Bronx fixture (monthly NYPD shooting incidents per precinct,
 * 2006-01..2019-12), for tests that need a real evaluation without the engine: the catchment is the sum
 * of the given precincts, every other listed precinct is a comparison unit. The fixture has no fatal
 * split, so `fatal` is zero throughout.
 */
import type { ProgramSeries, UnitSeries } from '../../src/state/program-evaluation';
import { loadPanel, PRECINCTS } from '../unit/evaluation/fixture';

/** Month labels 2006-01..2019-12. */
export const BRONX_MONTHS = Array.from({ length: 168 }, (_, i) => {
  const y = 2006 + Math.floor(i / 12);
  return `${y}-${String((i % 12) + 1).padStart(2, '0')}`;
});

/** A monthly series with the catchment `catchment`, comparison `comparison`, launch at `launch` (YYYY-MM). */
export function bronxSeries(
  catchment: readonly number[],
  comparison: readonly number[],
  launch: string,
  range: { from?: number; to?: number } = {},
): ProgramSeries {
  const panel = loadPanel();
  const from = range.from ?? 0;
  const to = range.to ?? 168;
  const col = (p: number) => Float64Array.from(panel[PRECINCTS.indexOf(p)]!.slice(from, to));
  const sum = (ps: readonly number[]) => {
    const out = new Float64Array(to - from);
    for (const p of ps) {
      const c = col(p);
      for (let i = 0; i < c.length; i++) out[i]! += c[i]!;
    }
    return out;
  };
  const periods = BRONX_MONTHS.slice(from, to);
  const units: UnitSeries[] = [
    {
      id: 'catchment',
      label: `precincts ${catchment.join(', ')}`,
      role: 'catchment',
      total: sum(catchment),
      fatal: new Float64Array(to - from),
    },
    ...comparison.map((p) => ({
      id: String(p),
      label: String(p),
      role: 'comparison' as const,
      total: col(p),
      fatal: new Float64Array(to - from),
    })),
  ];
  const launchIndex = periods.indexOf(launch);
  if (launchIndex < 0) throw new RangeError(`launch ${launch} outside the fixture range`);
  return {
    by: 'month',
    unit: 'incidents',
    periods,
    firstSeason: from % 12,
    launch: `${launch}-01`,
    launchIndex,
    units,
    bufferMetres: 0,
    bufferOverlapRows: 0,
  };
}
