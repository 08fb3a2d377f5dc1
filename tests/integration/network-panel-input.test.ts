/**
 * Network panels from the two kinds of input: the NYPD incident file counted per precinct and year by the
 * app's own import, and the same panel given as an aggregate file (CSV, Parquet). They must be the same
 * panel and give identical estimates; the command line gives the same numbers in both forms.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluateNetwork } from '../../src/analysis/evaluation/panel/network-evaluation';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { importIncidents } from '../../src/data/import-incidents';
import { parseBoundaries } from '../../src/data/loaders/boundaries';
import { arrowRows } from '../../src/data/rows';
import { timeSeriesQuery } from '../../src/data/sql/count-queries';
import { runPanelProgram } from '../../src/state/network-evaluation';
import { panelFromFile, panelFromIncidents, programSitesFromFile } from '../../src/state/network-panel';
import { PANEL_PROGRAMS } from '../../src/state/network-registry';
import { runCli, runCliJson } from '../support/cli';
import { bytesOf, sharedEngine } from '../support/engine';
import { repoRoot, sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import { nypdPanel, reference } from '../unit/network/fixture';

const CSV = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const FIX = path.join(repoRoot, 'tests/fixtures/network');
const PANEL_CSV = path.join(FIX, 'nypd-precinct-year-victims.csv');
const PROGRAMS = path.join(FIX, 'programs-staggered.csv');
const panelColumns = { unit: 'unit', period: 'year', count: 'count' };
const programColumns = { unit: 'precinct', start: 'launch', end: 'end', name: 'name' };

describe('aggregate panel files', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await sharedEngine();
  });

  it('a CSV panel file equals the fixture panel, population included', async () => {
    const p = await panelFromFile(
      db,
      { name: 'p.csv', bytes: readFileBytes(PANEL_CSV) },
      { ...panelColumns, population: 'population' },
      { step: 'year' },
    );
    const expected = nypdPanel(true);
    expect(p.units).toEqual(expected.units);
    expect(p.periods).toEqual(expected.periods);
    expect(Array.from(p.counts)).toEqual(Array.from(expected.counts));
    expect(Array.from(p.population!)).toEqual(Array.from(expected.population!));
  });

  it('a Parquet panel file (written by native DuckDB) gives the same estimates as the CSV', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'panel-'));
    const out = path.join(dir, 'panel.parquet');
    const instance = await DuckDBInstance.create(':memory:');
    const con = await instance.connect();
    await con.run(
      `COPY (SELECT unit, CAST(year AS INTEGER) AS year, CAST(count AS BIGINT) AS count FROM read_csv('${PANEL_CSV}')) TO '${out}' (FORMAT parquet)`,
    );
    con.closeSync();
    const fromParquet = await panelFromFile(
      db,
      { name: 'panel.parquet', bytes: readFileBytes(out) },
      panelColumns,
      { step: 'year' },
    );
    const fromCsv = await panelFromFile(
      db,
      { name: 'p.csv', bytes: readFileBytes(PANEL_CSV) },
      panelColumns,
      { step: 'year' },
    );
    expect(fromParquet.units).toEqual(fromCsv.units);
    expect(Array.from(fromParquet.counts)).toEqual(Array.from(fromCsv.counts));
    const sites = await programSitesFromFile(
      db,
      { name: 'programs.csv', bytes: readFileBytes(PROGRAMS) },
      programColumns,
    );
    const a = evaluateNetwork(fromParquet, sites);
    const b = evaluateNetwork(fromCsv, sites);
    expect(a.estimates).toEqual(b.estimates);
    expect(a.estimates[0]!.coefficient).toBeCloseTo(reference.staggered.twfe.coefficient, 10);
  });

  it('reports bad values by row and column and refuses repeated cells', async () => {
    const bad = bytesOf('unit,year,count\n1,2006,3\n1,2007,three\n');
    await expect(
      panelFromFile(db, { name: 'bad.csv', bytes: bad }, panelColumns, { step: 'year' }),
    ).rejects.toThrow(/row 2, column "count": count "three" is not a number/);
    const twice = bytesOf('unit,year,count\n1,2006,3\n1,2006,4\n');
    await expect(
      panelFromFile(db, { name: 'twice.csv', bytes: twice }, panelColumns, { step: 'year' }),
    ).rejects.toThrow(/row 2: unit "1" period 2006 appears twice/);
    const noCol = bytesOf('unit,yr,count\n1,2006,3\n');
    await expect(
      panelFromFile(db, { name: 'nocol.csv', bytes: noCol }, panelColumns, { step: 'year' }),
    ).rejects.toThrow(/has no column "year"; its columns are: unit, yr, count/);
    const badDate = bytesOf('precinct,launch\n40,2012-13-01\n');
    await expect(
      programSitesFromFile(db, { name: 'sites.csv', bytes: badDate }, { unit: 'precinct', start: 'launch' }),
    ).rejects.toThrow(/row 1, column "launch": launch "2012-13-01" is not a date/);
  });
});

describe.runIf(sharedDataAvailable(CSV))('NYPD incidents aggregated to a precinct × year panel', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await sharedEngine();
    await importIncidents(
      db,
      { name: CSV, bytes: readFileBytes(sharedDataPath(CSV)) },
      { table: 'nypd_network', today: '2026-11-27' },
    );
  }, 120_000);

  it('equals the panel R built from the raw file, and gives identical estimates', async () => {
    const { panel, unitlessRows } = await panelFromIncidents(
      db,
      'nypd_network',
      { column: 'precinct' },
      {
        step: 'year',
        unit: 'victims',
        from: '2006-01-01',
        to: '2023-12-31',
        excludeUnits: ['22'],
      },
    );
    const expected = nypdPanel();
    expect(unitlessRows).toBe(0);
    expect(panel.units).toEqual(expected.units);
    expect(panel.periods).toEqual(expected.periods);
    expect(Array.from(panel.counts)).toEqual(Array.from(expected.counts));
    const sites = await programSitesFromFile(
      db,
      { name: 'programs.csv', bytes: readFileBytes(PROGRAMS) },
      programColumns,
    );
    const fromIncidents = evaluateNetwork(panel, sites);
    const fromPanel = evaluateNetwork(expected, sites);
    expect(fromIncidents.estimates).toEqual(fromPanel.estimates);
    expect(fromIncidents.eventStudy!.terms).toEqual(fromPanel.eventStudy!.terms);
    expect(fromIncidents.robust!.cohorts).toEqual(fromPanel.robust!.cohorts);
  }, 60_000);

  it('the Cure Violence New York registry entry counts the loaded incidents per precinct', async () => {
    const program = PANEL_PROGRAMS.find((p) => p.id === 'cure-violence-new-york')!;
    const run = await runPanelProgram(db, program, {
      incidentTable: 'nypd_network',
      programs: { name: 'programs.csv', bytes: readFileBytes(PROGRAMS) },
    });
    expect(run.kind).toBe('network');
    if (run.kind !== 'network') return;
    // The registry counts every year in the data (2006–2024), so the panel is one year longer than R's.
    expect(run.result.panel.periods[0]).toBe('2006');
    expect(run.result.shape.setAside.treatedBeforeStart).toEqual(['79']);
    expect(run.result.panel.units).not.toContain('22');
    expect(run.result.estimates.map((e) => e.method)).toEqual(['twfe', 'etwfe']);
    await expect(runPanelProgram(db, program, { incidentTable: 'nypd_network' })).rejects.toThrow(
      /needs its program table/,
    );
  }, 60_000);
});

describe.runIf(sharedDataAvailable(CSV))('network on the command line', () => {
  const programFlags = ['--programs', PROGRAMS, '--program-unit', 'precinct', '--program-start', 'launch'];
  type Out = {
    panel: { units: number; cohorts: { period: string; units: string[] }[] };
    seType: string;
    estimates: { method: string; coefficient: number; se: number }[];
    eventStudy: { terms: { eventTime: number }[] };
  };

  it('--input with --unit-column and --panel give the same estimates (HC1 as asked)', async () => {
    const fromInput = await runCliJson<Out>([
      'network',
      '--input',
      sharedDataPath(CSV),
      '--unit-column',
      'PRECINCT',
      '--unit',
      'victims',
      '--from',
      '2006-01-01',
      '--to',
      '2023-12-31',
      '--exclude-units',
      '22',
      '--se',
      'hc1',
      ...programFlags,
    ]);
    const fromPanel = await runCliJson<Out>([
      'network',
      '--panel',
      PANEL_CSV,
      '--panel-unit',
      'unit',
      '--panel-period',
      'year',
      '--panel-count',
      'count',
      '--se',
      'hc1',
      '--event-window',
      '-6,3',
      ...programFlags,
    ]);
    expect(fromInput.seType).toBe('hc1');
    expect(fromInput.estimates).toEqual(fromPanel.estimates);
    const twfe = fromPanel.estimates.find((e) => e.method === 'twfe')!;
    expect(Math.abs(twfe.se - reference.staggered.twfe.seHc1)).toBeLessThan(
      1e-6 * reference.staggered.twfe.seHc1,
    );
    expect(fromPanel.panel.cohorts.map((c) => c.period)).toEqual(['2012', '2014', '2016', '2019']);
    expect(fromPanel.eventStudy.terms.map((t) => t.eventTime)).toEqual(
      reference.staggered.eventStudy.eventTimes,
    );
  }, 120_000);

  it('refuses a call with both or neither input form', async () => {
    const r = await runCli(['network', ...programFlags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/either --input .* or --panel/);
  });
});

describe('evaluate --panel on the demo state panel', () => {
  it('gives the synthetic control and DiD in the shared estimate shape, with the planted ratio recovered', async () => {
    const out = await runCliJson<{
      estimates: {
        method: string;
        estimate: number;
        lower: number | null;
        pValue: number;
        coefficient: number;
      }[];
      synth: { donors: number; placebos: number; notes: string[]; placeboBand: { runs: number } | null };
      guardrails: { id: string }[];
    }>([
      'evaluate',
      '--panel',
      path.join(repoRoot, 'data/demo/state-panel.csv'),
      '--panel-unit',
      'city',
      '--panel-period',
      'year',
      '--panel-count',
      'count',
      '--panel-population',
      'population',
      '--treated',
      'Riverside Bay',
      '--launch',
      '2010-01-01',
      '--outcome',
      'log',
      '--demeaned',
      '--donor-min-population',
      '50000',
      '--method',
      'all',
    ]);
    const synth = out.estimates.find((e) => e.method === 'synth')!;
    expect(synth.lower).toBeNull();
    expect(synth.coefficient).toBeCloseTo(Math.log(synth.estimate), 12);
    expect(Math.abs(synth.coefficient - Math.log(0.7))).toBeLessThan(0.05);
    expect(out.synth.placebos).toBe(out.synth.donors);
    expect(out.synth.notes.join(' ')).toMatch(/convex hull/);
    expect(out.estimates.find((e) => e.method === 'did')).toBeDefined();
    expect(out.guardrails.map((g) => g.id)).toContain('one-treated-unit');
  }, 120_000);

  it('names an unknown treated unit', async () => {
    const r = await runCli([
      'evaluate',
      '--panel',
      path.join(repoRoot, 'data/demo/state-panel.csv'),
      '--panel-unit',
      'city',
      '--panel-period',
      'year',
      '--panel-count',
      'count',
      '--treated',
      'Atlantis',
      '--launch',
      '2010-01-01',
      '--method',
      'synth',
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"Atlantis" is not in the panel/);
  }, 60_000);
});

describe('network panel from boundaries (demo city, point in polygon)', () => {
  it('counts each victim in its neighborhood: per-year totals equal the whole-city series', async () => {
    const db = await sharedEngine();
    await importIncidents(
      db,
      { name: 'incidents.csv', bytes: readFileBytes(path.join(repoRoot, 'data/demo/incidents.csv')) },
      { table: 'demo_network' },
    );
    const layer = parseBoundaries(
      'neighborhoods.geojson',
      readFileSync(path.join(repoRoot, 'data/demo/neighborhoods.geojson'), 'utf8'),
    );
    const labels = layer.features.map((f) => String(f.properties?.id));
    const { panel, unitlessRows } = await panelFromIncidents(
      db,
      'demo_network',
      { features: layer.features, labels },
      { step: 'year', unit: 'victims' },
    );
    expect(panel.units).toEqual([...labels].sort());
    expect(unitlessRows).toBe(0);
    const series = arrowRows(
      await db.query(timeSeriesQuery('demo_network', { by: 'year', unit: 'victims' })),
    );
    const T = panel.periods.length;
    expect(series.length).toBe(T);
    for (let t = 0; t < T; t++) {
      let sum = 0;
      for (let u = 0; u < panel.units.length; u++) sum += panel.counts[u * T + t] as number;
      expect(sum).toBe(Number(series[t]!.total));
    }
  }, 120_000);
});
