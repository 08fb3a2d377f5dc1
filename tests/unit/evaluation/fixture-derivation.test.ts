import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deriveMonthlyIncidentCounts } from '../../../scripts/fixtures/evaluation-fixture';
import { repoRoot } from './fixture';

const source = path.resolve(repoRoot, '../shared/data/nypd_shootings_raw_2006-2024.parquet');
const available = existsSync(source);
if (!available && process.env.CI === 'true') {
  throw new Error(`CI needs the NYPD shootings Parquet file at ${source}`);
}

describe('Bronx precinct fixture', () => {
  it.skipIf(!available)('the committed CSV equals a fresh derivation from the NYPD Parquet release', () => {
    const derived = deriveMonthlyIncidentCounts(readFileSync(source));
    const committed = readFileSync(
      path.resolve(repoRoot, 'tests/fixtures/evaluation/bronx-precinct-monthly-incidents.csv'),
      'utf8',
    );
    expect(derived.csv).toBe(committed);
    expect(derived.total).toBe(4714);
    expect(derived.conflicts).toBe(0);
  });
});
