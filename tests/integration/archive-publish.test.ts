/**
 * The archive's building blocks on small inputs: H3 parents by bit arithmetic against h3-js, several source
 * files in one archive, and the manifest checks.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellToParent, latLngToCell } from 'h3-js';
import { afterAll, describe, expect, it } from 'vitest';
import { type ArchiveManifest, parseManifest, partitionsFor } from '../../src/data/archive/manifest';
import { archiveFileUrl, redactUrl } from '../../src/data/archive/open-archive';
import { arrowRows } from '../../src/data/rows';
import { h3ParentSql, h3TextSql } from '../../src/data/sql/archive-queries';
import { runCli, runCliJson } from '../support/cli';
import { sharedEngine } from '../support/engine';

const dir = mkdtempSync(join(tmpdir(), 'cvi-archive-small-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('H3 parents in SQL', () => {
  it('equal h3-js cellToParent at every coarser resolution', async () => {
    const db = await sharedEngine();
    // A deterministic spread of points over several continents (no randomness needed).
    const cells: string[] = [];
    for (let i = 0; i < 60; i++) {
      const lat = -60 + ((i * 37) % 120) + i / 100;
      const lon = -170 + ((i * 53) % 340) + i / 70;
      cells.push(latLngToCell(lat, lon, 12), latLngToCell(lat, lon, 15));
    }
    const values = cells.map((c) => `(${BigInt(`0x${c}`)}::BIGINT)`).join(', ');
    for (let r = 0; r <= 12; r++) {
      const rows = arrowRows(
        await db.query(`SELECT ${h3TextSql(h3ParentSql('h', r))} AS p FROM (VALUES ${values}) AS t(h)`),
      );
      expect(rows.map((x) => x.p)).toEqual(cells.map((c) => cellToParent(c, r)));
    }
    expect(() => h3ParentSql('h', 16)).toThrow(RangeError);
  });
});

describe('publish', () => {
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(
    a,
    'id,date,lat,lon,fatal,weapon\n1,2021-03-04 10:00,41.80,-87.60,1,A\n2,2021-03-05 11:00,41.81,-87.61,0,B\n2,2021-03-05 11:00,41.81,-87.61,0,B\n3,2022-07-01 02:00,41.82,-87.62,0,A\n',
  );
  writeFileSync(
    b,
    'id,date,lat,lon,fatal,shift\n10,2022-01-09 23:00,41.83,-87.63,0,night\n11,2023-05-05 08:00,0,0,0,day\n12,2023-06-06 09:00,41.84,-87.64,1,day\n',
  );

  it('puts several files in one archive, row ids kept unique and columns matched by name', async () => {
    const out = join(dir, 'two');
    const m = await runCliJson<ArchiveManifest>([
      'publish',
      '--input',
      a,
      b,
      '--out',
      out,
      '--id',
      'id',
      '--date',
      'date',
      '--lat',
      'lat',
      '--lon',
      'lon',
      '--fatal',
      'fatal',
      '--summaries',
    ]);
    // b's 0,0 row is rejected by the import and recorded in its report.
    expect(m.counts).toEqual({ victims: 6, incidents: 5, fatalVictims: 2, fatalIncidents: 2 });
    expect(m.sources.map((s) => [s.name, s.rowIdShift, s.report?.rejectedTotal])).toEqual([
      ['a.csv', 0, 0],
      ['b.csv', 4, 1],
    ]);
    expect(m.partitions.map((p) => [p.values.year, p.rows, p.incidents])).toEqual([
      [2021, 3, 2],
      [2022, 2, 2],
      [2023, 1, 1],
    ]);
    expect(m.columns.map((c) => c.name)).toEqual(expect.arrayContaining(['attr:weapon', 'attr:shift', 'h3']));
    const loaded = await runCliJson<{ victims: number; incidents: number; rejectedTotal: number }>([
      'load',
      '--input',
      out,
    ]);
    expect([loaded.victims, loaded.incidents, loaded.rejectedTotal]).toEqual([6, 5, 1]);
  });

  it('refuses to write into a folder that is not empty, and bad flags', async () => {
    writeFileSync(join(dir, 'occupied.txt'), 'x');
    const r = await runCli(['publish', '--input', a, '--out', dir]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exists and is not an empty folder/);
    expect(
      (await runCli(['publish', '--input', a, '--out', join(dir, 'x'), '--partition', 'month'])).code,
    ).toBe(2);
    expect((await runCli(['publish', '--out', join(dir, 'y')])).stderr).toMatch(/--input is required/);
    const boundaries = await runCli(['publish', '--input', a, '--out', join(dir, 'z'), '--boundaries', a]);
    expect(boundaries.stderr).toMatch(/--boundaries needs --summaries/);
  });
});

describe('manifest', () => {
  const base = {
    format: 'cvi-atlas-archive',
    schemaVersion: 1,
    counts: { victims: 1, incidents: 1, fatalVictims: 0, fatalIncidents: 0 },
    columns: [],
    partitions: [
      { path: 'incidents/year=2020/part-0.parquet', firstDate: '2020-01-03', lastDate: '2020-12-30' },
      { path: 'incidents/year=2021/part-0.parquet', firstDate: '2021-01-01', lastDate: '2021-11-30' },
    ],
  };

  it('chooses the partitions that overlap a date range', () => {
    const m = parseManifest(JSON.stringify(base), 'm');
    expect(partitionsFor(m, { from: '2020-12-31', to: '2021-01-01' }).map((p) => p.path)).toEqual([
      'incidents/year=2021/part-0.parquet',
    ]);
    expect(partitionsFor(m, { to: '2020-12-31' })).toHaveLength(1);
    expect(partitionsFor(m)).toHaveLength(2);
  });

  it('rejects what is not a manifest, with the reason', () => {
    expect(() => parseManifest('{', 'x.json')).toThrow(
      /x\.json is not a CVI Atlas archive manifest: it is not JSON/,
    );
    expect(() => parseManifest(JSON.stringify({ ...base, format: 'other' }), 'x')).toThrow(/"format"/);
    const outside = { ...base, partitions: [{ path: '../secret.parquet' }] };
    expect(() => parseManifest(JSON.stringify(outside), 'x')).toThrow(
      /not a relative path inside the archive/,
    );
  });

  it('joins file URLs and keeps signatures out of messages', () => {
    expect(archiveFileUrl('https://h.org/a', 'manifest.json')).toBe('https://h.org/a/manifest.json');
    expect(archiveFileUrl('https://h.org/a/manifest.json', 'incidents/x.parquet')).toBe(
      'https://h.org/a/incidents/x.parquet',
    );
    expect(redactUrl('https://u:p@h.org/a/m.json?X-Amz-Signature=abc#k')).toBe('https://h.org/a/m.json?…');
  });

  it('the manifest written by publish parses', () => {
    const text = readFileSync(join(dir, 'two', 'manifest.json'), 'utf8');
    expect(parseManifest(text, 'two').partitionKeys).toEqual(['year']);
  });
});
