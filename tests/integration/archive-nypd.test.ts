/**
 * `publish` on the real NYPD file, read back three ways: by native DuckDB (`@duckdb/node-api`, as another
 * tool would), by every command's `--input` as a folder and as a URL, and checked against the single-file
 * load of the same CSV.
 */
import { mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellToParent, latLngToCell } from 'h3-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishWithDuckDB } from '../../scripts/archive-with-duckdb';
import type { ArchiveManifest } from '../../src/data/archive/manifest';
import { runCli, runCliJson } from '../support/cli';
import { nativeRows } from '../support/native-duckdb';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import { type StaticServer, startStaticServer } from '../support/static-server';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const PRECINCTS = 'nyc_police_precincts_2019.geojson';

interface LoadReport {
  victims: number;
  incidents: number;
  fatalVictims: number;
  fatalIncidents: number;
  firstDate: string;
  lastDate: string;
  bbox: number[];
  recoveredFromStatePlane: number;
  withoutTime: number;
  rejectedTotal: number;
  attributes: string[];
  notes: string[];
}

interface Series {
  total: number;
  series: { period: string; total: number; fatal: number; nonfatal: number }[];
}

describe.runIf(sharedDataAvailable(NYPD, PRECINCTS))('an archive of the NYPD file', () => {
  let dir: string;
  let archive: string;
  let manifest: ArchiveManifest;
  let single: LoadReport;
  let server: StaticServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-archive-'));
    archive = join(dir, 'nypd');
    manifest = await runCliJson<ArchiveManifest>([
      'publish',
      '--input',
      sharedDataPath(NYPD),
      '--out',
      archive,
      '--summaries',
      '--boundaries',
      sharedDataPath(PRECINCTS),
      '--boundary-id',
      'precinct',
    ]);
    single = await runCliJson<LoadReport>(['load', '--input', sharedDataPath(NYPD)]);
    server = await startStaticServer(dir);
  }, 300_000);

  afterAll(async () => {
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('native DuckDB reads the partitions as they are and counts what the single-file load counts', async () => {
    const [all] = await nativeRows(`SELECT count(*) AS victims, count(DISTINCT incident_id) AS incidents,
      count(*) FILTER (WHERE fatal) AS fatal_victims, count(DISTINCT incident_id) FILTER (WHERE fatal) AS fatal_incidents,
      count(*) FILTER (WHERE year <> year(occurred_date)) AS wrong_partition,
      CAST(min(occurred_date) AS VARCHAR) AS first, CAST(max(occurred_date) AS VARCHAR) AS last
      FROM read_parquet('${archive}/incidents/*/*.parquet', hive_partitioning = true)`);
    expect(all).toEqual({
      victims: single.victims,
      incidents: single.incidents,
      fatal_victims: single.fatalVictims,
      fatal_incidents: single.fatalIncidents,
      wrong_partition: 0,
      first: single.firstDate,
      last: single.lastDate,
    });
    expect([single.victims, single.incidents]).toEqual([29_744, 23_298]);
    expect(manifest.counts).toEqual({
      victims: single.victims,
      incidents: single.incidents,
      fatalVictims: single.fatalVictims,
      fatalIncidents: single.fatalIncidents,
    });
  }, 300_000);

  it('lists every partition with its true size, rows and dates, and sorts rows by time then H3 cell', async () => {
    expect(manifest.schemaVersion).toBe(1);
    expect(manifest.partitions.map((p) => p.values.year)).toEqual(
      Array.from({ length: 19 }, (_, i) => 2006 + i),
    );
    const perYear = await nativeRows(`SELECT year, count(*) AS n, count(DISTINCT incident_id) AS incidents,
      CAST(min(occurred_date) AS VARCHAR) AS first, CAST(max(occurred_date) AS VARCHAR) AS last
      FROM read_parquet('${archive}/incidents/*/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1`);
    for (const [i, p] of manifest.partitions.entries()) {
      expect(statSync(join(archive, p.path)).size).toBe(p.bytes);
      expect([p.rows, p.incidents, p.firstDate, p.lastDate]).toEqual([
        perYear[i]!.n,
        perYear[i]!.incidents,
        perYear[i]!.first,
        perYear[i]!.last,
      ]);
    }
    // Out-of-order neighbours in file order: none.
    const [order] =
      await nativeRows(`SELECT count(*) FILTER (WHERE occurred_at < prev_at OR (occurred_at = prev_at AND h3 < prev_h3)) AS unsorted, count(*) AS n
      FROM (SELECT occurred_at, h3, lag(occurred_at) OVER w AS prev_at, lag(h3) OVER w AS prev_h3
            FROM read_parquet('${archive}/incidents/*/*.parquet', filename = true, file_row_number = true)
            WINDOW w AS (PARTITION BY filename ORDER BY file_row_number))`);
    expect(order).toEqual({ unsorted: 0, n: single.victims });
    // The stored cell is h3-js's cell of the row's coordinates at the manifest's resolution.
    const sample = await nativeRows(`SELECT lon, lat, lower(hex(h3)) AS cell
      FROM read_parquet('${archive}/incidents/*/*.parquet') USING SAMPLE 500 ROWS`);
    for (const r of sample)
      expect(r.cell).toBe(latLngToCell(Number(r.lat), Number(r.lon), manifest.h3Resolution));
  }, 300_000);

  it('summary tables add up to the totals, per month, and their cells are h3-js parents', async () => {
    const read = (name: string) => `read_parquet('${archive}/summaries/${name}.parquet')`;
    const rows = `read_parquet('${archive}/incidents/*/*.parquet')`;
    for (const name of ['by_month_cell', 'by_month_hour_weekday']) {
      const diff = await nativeRows(`WITH s AS (SELECT month, sum(incidents) AS inc, sum(victims) AS vic,
          sum(fatal_incidents) AS finc, sum(fatal_victims) AS fvic FROM ${read(name)} GROUP BY 1),
        r AS (SELECT month, count(DISTINCT incident_id) AS inc, count(*) AS vic,
          count(DISTINCT incident_id) FILTER (WHERE fatal) AS finc, count(*) FILTER (WHERE fatal) AS fvic FROM ${rows} GROUP BY 1)
        SELECT count(*) AS n FROM s FULL JOIN r USING (month)
        WHERE s.inc IS DISTINCT FROM r.inc OR s.vic IS DISTINCT FROM r.vic OR s.finc IS DISTINCT FROM r.finc OR s.fvic IS DISTINCT FROM r.fvic`);
      expect({ name, n: diff[0]!.n }).toEqual({ name, n: 0 });
    }
    // Victims by attribute value add up to all victims, for every attribute.
    const perAttribute = await nativeRows(
      `SELECT attribute, sum(victims) AS v FROM ${read('by_month_attribute')} GROUP BY 1 ORDER BY 1`,
    );
    expect(perAttribute.map((r) => r.attribute)).toContain('victim_age_group');
    expect(perAttribute.map((r) => r.attribute)).toContain('attr:PERP_SEX');
    for (const r of perAttribute) expect(r.v).toBe(single.victims);
    // Coarse cells: h3-js's parent of each row's cell at the summary resolution, counted in JavaScript. (H3
    // cells do not nest exactly: near an edge the parent can differ from the coarse cell containing the point.)
    const points = await nativeRows(
      `SELECT lon, lat, strftime(month, '%Y-%m') AS m FROM ${rows} WHERE year(month) = 2020`,
    );
    const res = manifest.summaries!.cellResolution;
    const expected = new Map<string, number>();
    for (const p of points) {
      const fine = latLngToCell(Number(p.lat), Number(p.lon), manifest.h3Resolution);
      const key = `${p.m} ${cellToParent(fine, res)}`;
      expected.set(key, (expected.get(key) ?? 0) + 1);
    }
    const cells = await nativeRows(
      `SELECT strftime(month, '%Y-%m') || ' ' || cell AS k, victims FROM ${read('by_month_cell')} WHERE year(month) = 2020`,
    );
    expect(new Map(cells.map((c) => [String(c.k), Number(c.victims)]))).toEqual(expected);
  }, 300_000);

  it('the precinct summary equals a point-in-polygon count done independently with turf', async () => {
    const fc = JSON.parse(readFileSync(sharedDataPath(PRECINCTS), 'utf8')) as FeatureCollection<
      Polygon | MultiPolygon
    >;
    const pct75 = fc.features.find((f) => String(f.properties?.precinct) === '75') as Feature<
      Polygon | MultiPolygon
    >;
    const points = await nativeRows(`SELECT lon, lat FROM read_parquet('${archive}/incidents/*/*.parquet')`);
    const inside = points.filter((p) => booleanPointInPolygon([Number(p.lon), Number(p.lat)], pct75)).length;
    const [summary] = await nativeRows(
      `SELECT sum(victims) AS v FROM read_parquet('${archive}/summaries/by_month_area.parquet') WHERE feature = '75'`,
    );
    expect(inside).toBeGreaterThan(1000);
    expect(summary!.v).toBe(inside);
    expect(manifest.boundaries).toEqual([{ name: PRECINCTS, idProperty: 'precinct', features: 77 }]);
  }, 300_000);

  it('load and counts give the same results from the folder, from a URL and from the CSV', async () => {
    for (const input of [archive, `${server.url}nypd/`, `${server.url}nypd/manifest.json`]) {
      const report = await runCliJson<LoadReport>(['load', '--input', input]);
      const keys = [
        'victims',
        'incidents',
        'fatalVictims',
        'fatalIncidents',
        'firstDate',
        'lastDate',
      ] as const;
      for (const k of keys) expect({ input, k, v: report[k] }).toEqual({ input, k, v: single[k] });
      expect(report.bbox).toEqual(single.bbox);
      expect(report.recoveredFromStatePlane).toBe(97);
      expect(report.attributes).toEqual(single.attributes);
    }
    for (const args of [
      ['--by', 'year', '--unit', 'victims'],
      ['--by', 'month'],
      ['--by', 'year', '--within', sharedDataPath(PRECINCTS), '--where', 'precinct=40'],
    ]) {
      const fromCsv = await runCliJson<Series>(['counts', '--input', sharedDataPath(NYPD), ...args]);
      const fromArchive = await runCliJson<Series>(['counts', '--input', `${server.url}nypd`, ...args]);
      expect(fromArchive.series).toEqual(fromCsv.series);
      expect(fromCsv.total).toBeGreaterThan(0);
    }
  }, 300_000);

  it('counts for one year fetch only that year’s partition', async () => {
    server.requests.length = 0;
    const out = await runCliJson<Series>([
      'counts',
      '--input',
      `${server.url}nypd/`,
      '--from',
      '2020-01-01',
      '--to',
      '2020-12-31',
    ]);
    const fromCsv = await runCliJson<Series>([
      'counts',
      '--input',
      sharedDataPath(NYPD),
      '--from',
      '2020-01-01',
      '--to',
      '2020-12-31',
    ]);
    expect(out.series).toEqual(fromCsv.series);
    expect(server.requests.map((r) => r.path)).toEqual([
      '/nypd/manifest.json',
      '/nypd/incidents/year=2020/part-0.parquet',
    ]);
    const partitionBytes = server.requests.reduce((s, r) => s + r.bytes, 0);
    const total = manifest.partitions.reduce((s, p) => s + p.bytes, 0);
    expect(partitionBytes).toBeLessThan(total * 0.15);
  }, 300_000);

  it('a missing partition names its URL and says what to do; nothing is half-loaded', async () => {
    const file = join(archive, 'incidents/year=2015/part-0.parquet');
    renameSync(file, `${file}.away`);
    try {
      const r = await runCli(['load', '--input', `${server.url}nypd/?signature=secret`]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${server.url}nypd/incidents/year=2015/part-0.parquet`);
      expect(r.stderr).toMatch(/HTTP 404.*upload it, or publish the archive again/);
      expect(r.stderr).not.toContain('secret');
      const local = await runCli(['counts', '--input', archive]);
      expect(local.stderr).toMatch(/year=2015\/part-0\.parquet cannot be read \(ENOENT\)/);
    } finally {
      renameSync(`${file}.away`, file);
    }
  }, 300_000);

  it('refuses a manifest of a newer layout and mapping flags on an archive', async () => {
    const copy = join(dir, 'newer');
    const text = readFileSync(join(archive, 'manifest.json'), 'utf8');
    rmSync(copy, { recursive: true, force: true });
    await import('node:fs').then((fs) => fs.mkdirSync(copy));
    writeFileSync(join(copy, 'manifest.json'), text.replace('"schemaVersion": 1', '"schemaVersion": 2'));
    const r = await runCli(['load', '--input', copy]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/layout version 2; this version of CVI Atlas reads up to version 1/);
    const flags = await runCli(['load', '--input', archive, '--lat', 'Latitude']);
    expect(flags.code).toBe(2);
    expect(flags.stderr).toMatch(/leave out the column mapping flags/);
  }, 300_000);

  it('the DuckDB recipe writes the same layout from a folder of CSV files, with two threads', async () => {
    const csvs = join(dir, 'csv');
    await import('node:fs').then((fs) => fs.mkdirSync(csvs));
    const lines = readFileSync(sharedDataPath(NYPD), 'utf8').trimEnd().split('\n');
    const half = Math.floor(lines.length / 2);
    writeFileSync(join(csvs, 'part-a.csv'), `${lines.slice(0, half).join('\n')}\n`);
    writeFileSync(join(csvs, 'part-b.csv'), `${[lines[0], ...lines.slice(half)].join('\n')}\n`);
    const out = join(dir, 'recipe');
    const recipe = await publishWithDuckDB(join(csvs, '*.csv'), out, 2);
    expect(recipe.columns).toEqual(manifest.columns);
    expect(recipe.counts).toEqual(manifest.counts);
    const strip = (m: ArchiveManifest) =>
      m.partitions.map((p) => [p.path, p.rows, p.incidents, p.firstDate, p.lastDate]);
    expect(strip(recipe)).toEqual(strip(manifest));
    for (const name of ['by_month_cell', 'by_month_hour_weekday', 'by_month_attribute']) {
      const [diff] = await nativeRows(`SELECT
        (SELECT count(*) FROM (FROM '${out}/summaries/${name}.parquet' EXCEPT ALL FROM '${archive}/summaries/${name}.parquet')) AS only_recipe,
        (SELECT count(*) FROM (FROM '${archive}/summaries/${name}.parquet' EXCEPT ALL FROM '${out}/summaries/${name}.parquet')) AS only_publish`);
      expect({ name, ...diff }).toEqual({ name, only_recipe: 0, only_publish: 0 });
    }
    const report = await runCliJson<LoadReport>(['load', '--input', out]);
    expect([report.victims, report.incidents, report.fatalIncidents, report.recoveredFromStatePlane]).toEqual(
      [single.victims, single.incidents, single.fatalIncidents, 97],
    );
  }, 300_000);
});
