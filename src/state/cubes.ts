/**
 * Builds the brush indexes of the views: one engine query per view, turned into prefix-sum cubes per
 * measure, so brushing time is pure arithmetic on typed arrays.
 */
import type { Connector } from '../data/connector';
import { numberColumn } from '../data/rows';
import { type BinSpec, monthBinCountsQuery } from '../data/sql/cube-queries';
import type { IncidentFilter } from '../data/sql/incident-filter';
import { type PrefixCube, prefixCube } from './prefix-cube';

/** The four measures every cube carries. */
export interface MeasureCubes {
  incidents: PrefixCube;
  victims: PrefixCube;
  fatalIncidents: PrefixCube;
  fatalVictims: PrefixCube;
}

/** Runs a month × bin count query and returns its cubes. */
export async function measureCubes(
  db: Connector,
  table: string,
  firstMonth: string,
  monthCount: number,
  bins: BinSpec,
  binCount: number,
  filter: IncidentFilter,
): Promise<MeasureCubes> {
  const result = await db.query(monthBinCountsQuery(table, { firstMonth, bins, filter }));
  const m = numberColumn(result, 'm');
  const b = numberColumn(result, 'b');
  const cube = (name: string) => prefixCube(monthCount, binCount, m, b, numberColumn(result, name));
  return {
    incidents: cube('incidents'),
    victims: cube('victims'),
    fatalIncidents: cube('fatal_incidents'),
    fatalVictims: cube('fatal_victims'),
  };
}

/** The cube of a measure for a unit, total or fatal only. */
export function unitCube(cubes: MeasureCubes, unit: 'incidents' | 'victims', fatalOnly = false): PrefixCube {
  if (unit === 'incidents') return fatalOnly ? cubes.fatalIncidents : cubes.incidents;
  return fatalOnly ? cubes.fatalVictims : cubes.victims;
}
