/**
 * Reading part of an archive partition by range. The NYPD file is published with row groups of 200 rows (a
 * year holds about ten), served by a local server that answers `Range` with 206 and by one that ignores it
 * (200 and the whole file), and read for one month of 2020. The loaded row groups are checked against native
 * DuckDB (`@duckdb/node-api`): the row groups whose `occurred_date` statistics overlap the month
 * (`parquet_metadata`), and the month's rows (`read_parquet … WHERE`). Requests and bytes are counted by the
 * server.
 */
import { mkdtempSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { folderArchiveLocation } from '../../src/data/archive/folder-location';
import type { ArchiveManifest, ArchivePartition } from '../../src/data/archive/manifest';
import { ArchiveCancelled, loadArchive, urlArchiveLocation } from '../../src/data/archive/open-archive';
import type { Connector } from '../../src/data/connector';
import { createNodeConnector } from '../../src/data/engine-node';
import { ImportError } from '../../src/data/loaders/sniff';
import { arrowRows } from '../../src/data/rows';
import { runCliJson } from '../support/cli';
import { nativeRows, plainRow } from '../support/native-duckdb';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';
import { type StaticServer, startStaticServer } from '../support/static-server';

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const MONTH = { from: '2020-03-01', to: '2020-03-31' };
const FILE_2020 = 'incidents/year=2020/part-0.parquet';
/** Columns compared row by row: identity, time, place, outcome and a kept source column. */
const COLUMNS = `row_id, incident_id, CAST(occurred_at AS VARCHAR) AS occurred_at,
  CAST(occurred_date AS VARCHAR) AS occurred_date, round(lon, 9) AS lon, round(lat, 9) AS lat, fatal,
  precinct, "attr:PERP_SEX" AS perp_sex, CAST(h3 AS VARCHAR) AS h3`;

/** The engine's rows of `table` in `range`, as plain values ordered by row id. */
async function engineRows(db: Connector, table: string, range = MONTH) {
  const rows = arrowRows(
    await db.query(`SELECT ${COLUMNS} FROM "${table}"
      WHERE occurred_date BETWEEN DATE '${range.from}' AND DATE '${range.to}' ORDER BY row_id`),
  );
  return rows.map(plainRow);
}

async function rowCount(db: Connector, table: string): Promise<number> {
  return Number(arrowRows(await db.query(`SELECT count(*) AS n FROM "${table}"`))[0]!.n);
}

describe.runIf(sharedDataAvailable(NYPD))('reading the row groups a date range needs', () => {
  let dir: string;
  let archive: string;
  let manifest: ArchiveManifest;
  let p2020: ArchivePartition;
  let ranges: StaticServer;
  let noRanges: StaticServer;
  let db: Connector;
  /** Native DuckDB's rows of March 2020, from the partition file. */
  let expected: Record<string, unknown>[];
  /** The row groups of the 2020 file whose occurred_date statistics overlap March, and their rows. */
  let overlapping: { groups: number; rows: number; total: number };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cvi-ranges-'));
    archive = join(dir, 'nypd');
    manifest = await runCliJson<ArchiveManifest>([
      'publish',
      '--input',
      sharedDataPath(NYPD),
      '--out',
      archive,
      '--row-group-rows',
      '200',
    ]);
    p2020 = manifest.partitions.find((p) => p.path === FILE_2020)!;
    ranges = await startStaticServer(dir);
    noRanges = await startStaticServer(dir, { ranges: false });
    db = await createNodeConnector();
    const file = join(archive, FILE_2020);
    expected = await nativeRows(`SELECT ${COLUMNS} FROM read_parquet('${file}')
      WHERE occurred_date BETWEEN DATE '${MONTH.from}' AND DATE '${MONTH.to}' ORDER BY row_id`);
    const stats = await nativeRows(`SELECT row_group_id, row_group_num_rows AS n,
      CAST(stats_min_value AS DATE) <= DATE '${MONTH.to}' AND CAST(stats_max_value AS DATE) >= DATE '${MONTH.from}' AS overlaps
      FROM parquet_metadata('${file}') WHERE path_in_schema = 'occurred_date' ORDER BY row_group_id`);
    overlapping = {
      groups: stats.filter((s) => s.overlaps).length,
      rows: stats.filter((s) => s.overlaps).reduce((s, r) => s + Number(r.n), 0),
      total: stats.length,
    };
  }, 300_000);

  afterAll(async () => {
    await db?.close();
    await ranges?.close();
    await noRanges?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  }, 300_000);

  it('publishes a year in several row groups', () => {
    expect(p2020.rowGroups).toBeGreaterThanOrEqual(9);
    expect(overlapping.total).toBe(p2020.rowGroups);
    expect(overlapping.groups).toBeGreaterThan(0);
    expect(overlapping.groups).toBeLessThan(overlapping.total / 2);
    expect(expected.length).toBeGreaterThan(50);
  });

  it('one month fetches the footer and the overlapping row groups only, by range, and gives the same rows', async () => {
    ranges.requests.length = 0;
    const load = await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), {
      table: 'month',
      ...MONTH,
    });
    expect(load.partitions.map((p) => p.path)).toEqual([FILE_2020]);
    expect(load.rowGroups).toEqual({ partitions: 1, read: overlapping.groups, total: overlapping.total });
    // Whole row groups: the table holds exactly the overlapping groups' rows, a superset of the month.
    expect(await rowCount(db, 'month')).toBe(overlapping.rows);
    expect(await engineRows(db, 'month')).toEqual(expected);

    const parts = ranges.requests.filter((r) => r.path === `/nypd/${FILE_2020}`);
    expect(ranges.requests.length).toBe(parts.length + 1); // and the manifest
    expect(parts.every((r) => r.status === 206 && r.range !== null)).toBe(true);
    // Counted bytes are the bytes the server sent, and fewer than the file.
    const sent = parts.reduce((s, r) => s + r.bytes, 0);
    expect(load.bytesRead).toBe(sent);
    expect(sent).toBeLessThan(p2020.bytes * 0.6);
    expect(load.report.notes.join(' ')).toContain(`${sent.toLocaleString('en-US')} bytes`);
    // The requests: the footer's length, the footer, its page index, the date column of each row group,
    // then one range per row group read.
    expect(parts[0]!.range).toBe(`bytes=${p2020.bytes - 8}-${p2020.bytes - 1}`);
    expect(parts.length).toBe(3 + overlapping.total + overlapping.groups);
  }, 300_000);

  it('the same rows as the whole partition read and filtered by date', async () => {
    await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), { table: 'whole', partitions: [p2020] });
    expect(await rowCount(db, 'whole')).toBe(p2020.rows);
    expect(await engineRows(db, 'whole')).toEqual(expected);
  }, 300_000);

  it('a server that ignores Range sends the whole file once, and the rows are the same', async () => {
    noRanges.requests.length = 0;
    const load = await loadArchive(db, urlArchiveLocation(`${noRanges.url}nypd/`), {
      table: 'norange',
      ...MONTH,
    });
    const parts = noRanges.requests.filter((r) => r.path === `/nypd/${FILE_2020}`);
    expect(parts).toEqual([
      {
        method: 'GET',
        path: `/nypd/${FILE_2020}`,
        range: `bytes=${p2020.bytes - 8}-${p2020.bytes - 1}`,
        status: 200,
        bytes: p2020.bytes,
      },
    ]);
    expect(load.bytesRead).toBe(p2020.bytes);
    expect(load.rowGroups.read).toBe(overlapping.groups);
    expect(await rowCount(db, 'norange')).toBe(overlapping.rows);
    expect(await engineRows(db, 'norange')).toEqual(expected);
  }, 300_000);

  it('a folder reads the same rows through Blob slices, counting only the slices read', async () => {
    const load = await loadArchive(db, folderArchiveLocation(archive), { table: 'folder', ...MONTH });
    expect(load.rowGroups.read).toBe(overlapping.groups);
    expect(load.bytesRead).toBeLessThan(p2020.bytes * 0.6);
    expect(await engineRows(db, 'folder')).toEqual(expected);
  }, 300_000);

  it('a range across two years reads the end of one and the start of the next; a whole year is one request', async () => {
    const range = { from: '2019-12-15', to: '2020-01-15' };
    const load = await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), { table: 'turn', ...range });
    expect(load.partitions.map((p) => p.path)).toEqual(['incidents/year=2019/part-0.parquet', FILE_2020]);
    expect(load.rowGroups.partitions).toBe(2);
    const native = await nativeRows(`SELECT ${COLUMNS} FROM read_parquet('${archive}/incidents/*/*.parquet')
      WHERE occurred_date BETWEEN DATE '${range.from}' AND DATE '${range.to}' ORDER BY row_id`);
    expect(native.length).toBeGreaterThan(0);
    expect(await engineRows(db, 'turn', range)).toEqual(native);

    ranges.requests.length = 0;
    const year = await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), {
      table: 'year',
      from: '2020-01-01',
      to: '2020-12-31',
    });
    expect(year.rowGroups.partitions).toBe(0);
    expect(ranges.requests.map((r) => [r.path, r.range, r.status])).toEqual([
      ['/nypd/manifest.json', null, 200],
      [`/nypd/${FILE_2020}`, null, 200],
    ]);
    expect(year.bytesRead).toBe(p2020.bytes);
  }, 300_000);

  it('a missing partition names its URL without the query string, and keeps the table loaded before', async () => {
    await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), { table: 'kept', ...MONTH });
    const before = await rowCount(db, 'kept');
    const file = join(archive, FILE_2020);
    renameSync(file, `${file}.away`);
    try {
      const failed = loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/?sig=secret`), {
        table: 'kept',
        ...MONTH,
      });
      await expect(failed).rejects.toBeInstanceOf(ImportError);
      const message = await failed.catch((e: Error) => e.message);
      expect(message).toContain(`${ranges.url}nypd/${FILE_2020}`);
      expect(message).toContain('HTTP 404');
      expect(message).not.toContain('secret');
    } finally {
      renameSync(`${file}.away`, file);
    }
    expect(await rowCount(db, 'kept')).toBe(before);
  }, 300_000);

  it('a file that changed since the manifest was written is refused, not decoded wrongly', async () => {
    // Larger than the file (the range asked for lies past its end) and smaller (Content-Range's total or
    // the whole body's length differs).
    for (const delta of [100, -100])
      for (const server of [ranges, noRanges]) {
        const stale = {
          ...manifest,
          partitions: manifest.partitions.map((p) =>
            p.path === FILE_2020 ? { ...p, bytes: p.bytes + delta } : p,
          ),
        };
        const failed = loadArchive(db, urlArchiveLocation(`${server.url}nypd/`), {
          table: 'stale',
          manifest: stale,
          ...MONTH,
        });
        const message = await failed.then(
          () => 'loaded',
          (e: Error) => e.message,
        );
        expect(message).toContain(`${server.url}nypd/${FILE_2020}`);
        expect(message).toMatch(/other bytes than were asked for/);
      }
  }, 300_000);

  it('cancel stops between range requests and changes nothing', async () => {
    await loadArchive(db, urlArchiveLocation(`${ranges.url}nypd/`), { table: 'cancel', ...MONTH });
    const before = await rowCount(db, 'cancel');
    const controller = new AbortController();
    let calls = 0;
    const counting: typeof fetch = (input, init) => {
      // Cancel as the fifth request (a date column chunk) goes out.
      if (++calls === 5) controller.abort();
      return fetch(input, init);
    };
    const failed = loadArchive(
      db,
      urlArchiveLocation(`${ranges.url}nypd/`, { fetch: counting, signal: controller.signal }),
      { table: 'cancel', manifest, ...MONTH, signal: controller.signal },
    );
    await expect(failed).rejects.toBeInstanceOf(ArchiveCancelled);
    expect(calls).toBe(5);
    expect(await rowCount(db, 'cancel')).toBe(before);
  }, 300_000);

  it('counts for one month through the command line equal the CSV’s, reading part of one partition', async () => {
    const args = ['--by', 'month', '--from', MONTH.from, '--to', MONTH.to];
    ranges.requests.length = 0;
    const fromArchive = await runCliJson<{ series: unknown[] }>([
      'counts',
      '--input',
      `${ranges.url}nypd`,
      ...args,
    ]);
    const sent = ranges.requests.filter((r) => r.path.endsWith('.parquet')).reduce((s, r) => s + r.bytes, 0);
    const fromCsv = await runCliJson<{ series: unknown[] }>([
      'counts',
      '--input',
      sharedDataPath(NYPD),
      ...args,
    ]);
    expect(fromArchive.series).toEqual(fromCsv.series);
    expect(fromCsv.series.length).toBe(1);
    expect(sent).toBeLessThan(statSync(join(archive, FILE_2020)).size * 0.6);
  }, 300_000);
});
