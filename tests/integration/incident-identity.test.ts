/**
 * An incident has one time and one place: those of its earliest victim row. When the victims of one incident
 * carry different dates and coordinates (it happens in real exports), every count — headline, hour × weekday
 * and value cubes, time series, hotspot points, map points, evaluation series and the command line — counts
 * it once, in the month and at the place of that row, and agrees with the import report.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { type ImportReport, importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { headlineQuery, timeSeriesQuery } from '../../src/data/sql/count-queries';
import { incidentMapPointsQuery } from '../../src/data/sql/cube-queries';
import { unitSeriesQuery } from '../../src/data/sql/evaluation-queries';
import { hotspotPointsQuery } from '../../src/data/sql/hotspot-queries';
import { measureCubes } from '../../src/state/cubes';
import { cubeRange } from '../../src/state/prefix-cube';
import { runCliJson } from '../support/cli';
import { bytesOf, sharedEngine } from '../support/engine';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

// K1: victims in May (line 2) and March (line 3) at two places and precincts; the March row is the earliest.
// K2: one victim. K3: two victims, same time and place, one fatal.
const SPLIT = [
  'case,date,time,latitude,longitude,precinct,fatal',
  'K1,2017-05-20,23:10,40.80,-73.90,40,false',
  'K1,2017-03-04,01:30,40.70,-73.95,75,true',
  'K2,2017-04-01,12:00,40.75,-73.99,14,false',
  'K3,2017-05-02,08:00,40.60,-74.00,60,false',
  'K3,2017-05-02,08:00,40.60,-74.00,60,true',
].join('\n');

let db: Connector;
let report: ImportReport;

/** Whole-range sums of the four measures of a cube query. */
async function cubeTotals(table: string, firstMonth: string, months: number, kind: 'none' | 'hourWeekday') {
  const bins = kind === 'none' ? 1 : 7 * 24 + 1;
  const cubes = await measureCubes(db, table, firstMonth, months, { kind }, bins, {});
  const sum = (c: Parameters<typeof cubeRange>[0]) =>
    cubeRange(c, 0, months - 1).reduce((s: number, v: number) => s + v, 0);
  return {
    incidents: sum(cubes.incidents),
    victims: sum(cubes.victims),
    fatalIncidents: sum(cubes.fatalIncidents),
    fatalVictims: sum(cubes.fatalVictims),
  };
}

beforeAll(async () => {
  db = await sharedEngine();
  ({ report } = await importIncidents(
    db,
    { name: 'split.csv', bytes: bytesOf(SPLIT) },
    { table: 'split', today: '2026-11-27', mapping: { incidentId: 'case', precinct: 'precinct' } },
  ));
});

describe('an incident whose victims carry March and May dates', () => {
  it('the report counts it once and says how it was placed', () => {
    expect(report).toMatchObject({ victims: 5, incidents: 3, fatalIncidents: 2, fatalVictims: 2 });
    expect(report.notes.join(' ')).toMatch(/\b1 incident\(s\) have victims with different dates/);
  });

  it('every victim row of K1 carries the time and place of its earliest victim row', async () => {
    const rows = arrowRows(
      await db.query(
        "SELECT CAST(occurred_at AS VARCHAR) AS at, CAST(month AS VARCHAR) AS month, hour, weekday, lat, lon, precinct, fatal FROM split WHERE incident_id = 'K1' ORDER BY row_id",
      ),
    );
    const march = {
      at: '2017-03-04 01:30:00',
      month: '2017-03-01',
      hour: 1,
      weekday: 6,
      lat: 40.7,
      lon: -73.95,
      precinct: '75',
    };
    expect(rows).toEqual([
      { ...march, fatal: false },
      { ...march, fatal: true },
    ]);
  });

  it('headline and hour × weekday cubes summed over all months equal the report', async () => {
    const expected = { incidents: 3, victims: 5, fatalIncidents: 2, fatalVictims: 2 };
    expect(await cubeTotals('split', '2017-03-01', 3, 'none')).toEqual(expected);
    expect(await cubeTotals('split', '2017-03-01', 3, 'hourWeekday')).toEqual(expected);
    const [headline] = arrowRows(await db.query(headlineQuery('split')));
    expect(headline).toMatchObject({ incidents: 3n, victims: 5n });
  });

  it('a per-precinct cube counts K1 in one precinct only', async () => {
    const cubes = await measureCubes(
      db,
      'split',
      '2017-03-01',
      3,
      { kind: 'column', column: 'precinct', values: ['14', '40', '60', '75'] },
      5,
      {},
    );
    expect(Array.from(cubeRange(cubes.incidents, 0, 2))).toEqual([1, 0, 1, 1, 0]);
  });

  it('the monthly series puts K1 in March, and the hotspot and map points at its March place', async () => {
    const series = arrowRows(await db.query(timeSeriesQuery('split', { by: 'month', unit: 'incidents' })));
    expect(series.map((r) => Number(r.total))).toEqual([1, 1, 1]);
    const points = arrowRows(await db.query(hotspotPointsQuery('split')));
    expect(points).toHaveLength(3);
    expect(points.some((p) => p.lat === 40.7 && p.lon === -73.95)).toBe(true);
    expect(points.some((p) => p.lat === 40.8)).toBe(false);
    const map = arrowRows(await db.query(incidentMapPointsQuery('split', '2017-03-01')));
    expect(map.find((p) => p.incident_id === 'K1')).toMatchObject({ lat: 40.7, m: 0, victims: 2 });
  });

  it('evaluation series per unit count it once, in March', async () => {
    await db.query('CREATE OR REPLACE TABLE split_units AS SELECT row_id, 0 AS unit FROM split');
    const rows = arrowRows(
      await db.query(unitSeriesQuery('split', 'split_units', { by: 'month', unit: 'incidents', units: 1 })),
    );
    expect(rows.map((r) => Number(r.total))).toEqual([1, 1, 1]);
  });

  it('the command line counts it once', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cvi-split-'));
    const file = path.join(dir, 'split.csv');
    writeFileSync(file, SPLIT);
    const out = await runCliJson<{ total: number; series: { period: string; total: number }[] }>([
      'counts',
      '--input',
      file,
      '--id',
      'case',
    ]);
    expect(out.total).toBe(3);
    expect(out.series.map((p) => [p.period, p.total])).toEqual([
      ['2017-03', 1],
      ['2017-04', 1],
      ['2017-05', 1],
    ]);
  });
});

const MAIN = 'NYPD_Shooting_Incident_Data__Historic_.csv';

describe.runIf(sharedDataAvailable(MAIN))('NYPD: many victims per INCIDENT_KEY', () => {
  it('headline and cube totals equal the import report', async () => {
    const { report: nypd } = await importIncidents(
      db,
      { name: MAIN, bytes: readFileBytes(sharedDataPath(MAIN)) },
      { table: 'nypd', today: '2026-11-27' },
    );
    expect(nypd.incidents).toBeLessThan(nypd.victims);
    const [range] = arrowRows(
      await db.query(
        "SELECT CAST(min(month) AS VARCHAR) AS first, CAST(datediff('month', min(month), max(month)) + 1 AS INTEGER) AS months FROM nypd",
      ),
    );
    const expected = {
      incidents: nypd.incidents,
      victims: nypd.victims,
      fatalIncidents: nypd.fatalIncidents,
      fatalVictims: nypd.fatalVictims,
    };
    const first = String(range!.first);
    const months = Number(range!.months);
    expect(await cubeTotals('nypd', first, months, 'none')).toEqual(expected);
    expect(await cubeTotals('nypd', first, months, 'hourWeekday')).toEqual(expected);
    const series = arrowRows(await db.query(timeSeriesQuery('nypd', { by: 'month', unit: 'incidents' })));
    expect(series.reduce((s, r) => s + Number(r.total), 0)).toBe(nypd.incidents);
  });
});
