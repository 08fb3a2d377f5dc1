/** Loads the Bronx precinct fixture and the R reference values for the evaluation tests. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

const here = path.dirname(new URL(import.meta.url).pathname);
export const repoRoot = path.resolve(here, '../../..');
const fixtureDir = path.resolve(repoRoot, 'tests/fixtures/evaluation');

/** Bronx precincts in the fixture, in the column order used by the R script. */
export const PRECINCTS = [40, 41, 42, 43, 44, 45, 46, 47, 48, 49, 50, 52];
/** Month index (0-based from 2006-01) of the nominal launch, 2013-01. */
export const LAUNCH = 84;

/** Monthly incident counts, one array per precinct (168 months, 2006-01..2019-12). */
export function loadPanel(): number[][] {
  const lines = readFileSync(path.join(fixtureDir, 'bronx-precinct-monthly-incidents.csv'), 'utf8')
    .trim()
    .split('\n');
  const byPrecinct = new Map<number, number[]>(PRECINCTS.map((p) => [p, []]));
  for (const line of lines.slice(1)) {
    const [, precinct, incidents] = line.split(',');
    byPrecinct.get(Number(precinct))?.push(Number(incidents));
  }
  return PRECINCTS.map((p) => byPrecinct.get(p) as number[]);
}

// biome-ignore lint/suspicious/noExplicitAny: the reference file is free-form JSON written by R.
export type Reference = any;

/** The values written by tests/fixtures/evaluation/reference.R. */
export function loadReference(): Reference {
  return JSON.parse(readFileSync(path.join(fixtureDir, 'reference-values.json'), 'utf8'));
}

/** Asserts |actual − expected| ≤ rel·|expected| + abs for a number or each element of an array. */
export function expectClose(
  actual: number | ArrayLike<number>,
  expected: number | ArrayLike<number>,
  rel = 1e-6,
  abs = 1e-12,
): void {
  const a = typeof actual === 'number' ? [actual] : Array.from(actual);
  const e = typeof expected === 'number' ? [expected] : Array.from(expected);
  expect(a.length).toBe(e.length);
  a.forEach((v, i) => {
    const want = e[i] as number;
    if (!Number.isFinite(want)) {
      expect(v).toBe(want);
      return;
    }
    const err = Math.abs(v - want);
    if (!(err <= rel * Math.abs(want) + abs)) {
      throw new Error(`element ${i}: got ${v}, expected ${want} (rel tol ${rel}, abs ${abs})`);
    }
  });
}
