/** The `load` and `counts` commands through `main([...])`, on the real NYPD file and on bad input. */
import { readFileSync } from 'node:fs';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { createNodeConnector, readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { runCli, runCliJson } from '../support/cli';
import { repoRoot, sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const PRECINCTS = 'nyc_police_precincts_2019.geojson';

describe.runIf(sharedDataAvailable(NYPD, PRECINCTS))('CLI on the real NYPD file', () => {
  it('load reports rows, incidents, victims, dates, extent and recovered rows', async () => {
    const report = await runCliJson<{
      victims: number;
      incidents: number;
      firstDate: string;
      lastDate: string;
      bbox: number[];
      recoveredFromStatePlane: number;
      rejectedTotal: number;
    }>(['load', '--input', sharedDataPath(NYPD)]);
    expect([report.victims, report.incidents, report.recoveredFromStatePlane, report.rejectedTotal]).toEqual([
      29_744, 23_298, 97, 0,
    ]);
    expect([report.firstDate, report.lastDate]).toEqual(['2006-01-01', '2024-12-31']);
    expect(report.bbox).toHaveLength(4);
    const text = await runCli(['load', '--input', sharedDataPath(NYPD)]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/Loaded\s+29,744 victims in 23,298 incidents/);
  });

  it('counts within precinct 40 equal a point-in-polygon count done independently with turf', async () => {
    const out = await runCliJson<{
      series: { period: string; total: number; fatal: number; nonfatal: number }[];
      total: number;
    }>([
      'counts',
      '--input',
      sharedDataPath(NYPD),
      '--by',
      'year',
      '--unit',
      'victims',
      '--within',
      sharedDataPath(PRECINCTS),
      '--where',
      'precinct=40',
    ]);
    const fc = JSON.parse(readFileSync(sharedDataPath(PRECINCTS), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    const pct40 = fc.features.find((f) => String(f.properties?.precinct) === '40') as Feature<
      Polygon | MultiPolygon
    >;
    const db = await createNodeConnector();
    await importIncidents(db, { name: NYPD, bytes: readFileBytes(sharedDataPath(NYPD)) }, { table: 'n' });
    const rows = arrowRows(await db.query('SELECT lon, lat, year(occurred_date) AS y, fatal FROM n'));
    await db.close();
    const expected = new Map<string, number>();
    for (const r of rows) {
      if (booleanPointInPolygon([Number(r.lon), Number(r.lat)], pct40)) {
        expected.set(String(r.y), (expected.get(String(r.y)) ?? 0) + 1);
      }
    }
    expect(out.series.map((p) => p.period)).toEqual(Array.from({ length: 19 }, (_, i) => String(2006 + i)));
    expect(Object.fromEntries(out.series.map((p) => [p.period, p.total]))).toEqual(
      Object.fromEntries([...expected.entries()].sort()),
    );
    for (const p of out.series) expect(p.fatal + p.nonfatal).toBe(p.total);
  });

  it('zero-fills months and honours --from/--to', async () => {
    const out = await runCliJson<{ series: { period: string; total: number }[] }>([
      'counts',
      '--input',
      sharedDataPath(NYPD),
      '--from',
      '2019-12-01',
      '--to',
      '2020-02-29',
    ]);
    expect(out.series.map((p) => p.period)).toEqual(['2019-12', '2020-01', '2020-02']);
  });
});

describe('CLI errors', () => {
  it('a missing file is a usage error (exit 2) on stderr', async () => {
    const r = await runCli(['load', '--input', '/nonexistent/file.csv']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/Cannot read --input \/nonexistent\/file.csv: ENOENT/);
  });

  it('a file that is not incident data exits 1 with one sentence', async () => {
    const r = await runCli(['load', '--input', `${repoRoot}/package.json`]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Error: .*package\.json/);
  });

  it('bad flags are usage errors', async () => {
    expect((await runCli(['counts', '--input', 'x', '--by', 'week'])).code).toBe(2);
    expect((await runCli(['counts', '--input', 'x', '--from', '2020-13-01'])).code).toBe(2);
    const impossible = await runCli(['counts', '--input', 'x', '--from', '2020-02-30']);
    expect(impossible.code).toBe(2);
    expect(impossible.stderr).toMatch(/--from must be a date YYYY-MM-DD, not "2020-02-30"/);
    expect((await runCli(['nonsense'])).code).toBe(2);
  });
});
