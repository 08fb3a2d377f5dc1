import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { ParquetFile, Table, WriterPropertiesBuilder, writeParquet } from 'parquet-wasm/node';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { bytesOf, sharedEngine } from '../support/engine';

const ROWS = 2500;
const GROUP = 1000;

/** The same incidents as columns (for Parquet) and as CSV text. */
function incidents() {
  const id = Array.from({ length: ROWS }, (_, i) => `P${i + 1}`);
  const date = Array.from({ length: ROWS }, (_, i) => `20${10 + (i % 15)}-0${1 + (i % 9)}-1${i % 10}`);
  const latitude = Float64Array.from({ length: ROWS }, (_, i) => 40.6 + (i % 97) / 1000);
  const longitude = Float64Array.from({ length: ROWS }, (_, i) => -73.9 - (i % 89) / 1000);
  const fatal = id.map((_, i) => (i % 7 === 0 ? 'true' : 'false'));
  const csv = [
    'incident_id,date,latitude,longitude,fatal',
    ...id.map((v, i) => `${v},${date[i]},${latitude[i]},${longitude[i]},${fatal[i]}`),
  ].join('\n');
  return { columns: { incident_id: id, date, latitude, longitude, fatal }, csv };
}

describe('Parquet read by row group', () => {
  let db: Connector;
  let parquet: Uint8Array;
  beforeAll(async () => {
    db = await sharedEngine();
    const arrow = tableFromArrays(incidents().columns);
    const props = new WriterPropertiesBuilder().setMaxRowGroupSize(GROUP).build();
    parquet = writeParquet(Table.fromIPCStream(tableToIPC(arrow, 'stream')), props);
  });

  it('the fixture really has three row groups', async () => {
    const file = await ParquetFile.fromFile(new Blob([parquet as Uint8Array<ArrayBuffer>]));
    expect(file.metadata().numRowGroups()).toBe(3);
    file.free();
  });

  it('appends every row group, in file order, to the same table the CSV gives', async () => {
    const fromParquet = await importIncidents(
      db,
      { name: 'groups.parquet', bytes: parquet },
      { table: 'pq_groups', today: '2026-11-27' },
    );
    const fromCsv = await importIncidents(
      db,
      { name: 'groups.csv', bytes: bytesOf(incidents().csv) },
      { table: 'csv_groups', today: '2026-11-27' },
    );
    expect(fromParquet.report.source.format).toBe('parquet');
    expect([fromParquet.report.victims, fromParquet.report.rejectedTotal]).toEqual([ROWS, 0]);
    // Record order survives the appends: the n-th record keeps row id n and its own incident id.
    const [order] = arrowRows(
      await db.query(
        "SELECT count(*) FILTER (WHERE incident_id <> 'P' || CAST(row_id AS VARCHAR)) AS misplaced FROM pq_groups",
      ),
    );
    expect(order!.misplaced).toBe(0n);
    expect(fromCsv.report.victims).toBe(ROWS);
    const [compared] = arrowRows(
      await db.query(`SELECT count(*) AS joined,
          count(*) FILTER (WHERE p.occurred_at <> c.occurred_at OR p.lat <> c.lat OR p.lon <> c.lon OR p.fatal <> c.fatal) AS differ
        FROM pq_groups p JOIN csv_groups c USING (incident_id)`),
    );
    expect(compared).toEqual({ joined: BigInt(ROWS), differ: 0n });
  });
});
