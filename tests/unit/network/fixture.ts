import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildCountPanel,
  type CountPanel,
  type ProgramSite,
} from '../../../src/analysis/evaluation/panel/count-panel';
import { repoRoot } from '../../support/shared-data';

const dir = path.join(repoRoot, 'tests/fixtures/network');

/** A small comma-separated file without quoted commas, as rows of named strings. */
export function readSimpleCsv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(path.join(dir, name), 'utf8').trim().split('\n');
  const cols = (header as string).split(',');
  return lines.map((l) => {
    const cells = l.split(',');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

/** The NYPD precinct × year victim panel written by reference.R, with or without its population column. */
export function nypdPanel(withPopulation = false): CountPanel {
  const rows = readSimpleCsv('nypd-precinct-year-victims.csv').map((r) => ({
    unit: r.unit as string,
    period: r.year as string,
    count: Number(r.count),
    population: withPopulation ? Number(r.population) : undefined,
  }));
  return buildCountPanel(rows, { step: 'year', duplicates: 'error' });
}

/** A program table of the fixtures as sites. */
export function programSites(name: string, unit: string, start: string): ProgramSite[] {
  return readSimpleCsv(name).map((r) => ({
    unit: r[unit] as string,
    start: r[start] as string,
    end: r.end || null,
    name: r.name,
  }));
}

/** The values reference.R computed. */
export const reference = JSON.parse(readFileSync(path.join(dir, 'reference-values.json'), 'utf8'));
