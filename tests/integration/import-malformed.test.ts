import { beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { importIncidents } from '../../src/data/import-incidents';
import { ImportError } from '../../src/data/loaders/sniff';
import { arrowRows } from '../../src/data/rows';
import { bytesOf, sharedEngine } from '../support/engine';

const TODAY = '2026-11-27';
const GOOD = [
  'incident_id,date,latitude,longitude,fatal',
  'a1,2024-05-01,40.80,-73.92,false',
  'a2,2024-05-02,40.81,-73.91,true',
  'a3,2024-06-01,40.82,-73.90,false',
].join('\n');

let db: Connector;

async function goodTableIntact() {
  const [row] = arrowRows(
    await db.query(
      "SELECT count(*) AS n, string_agg(incident_id, ',' ORDER BY incident_id) AS ids FROM incidents",
    ),
  );
  expect(row).toEqual({ n: 3n, ids: 'a1,a2,a3' });
}

async function load(
  name: string,
  text: string | Uint8Array,
  options: Partial<Parameters<typeof importIncidents>[2]> = {},
) {
  const bytes = typeof text === 'string' ? bytesOf(text) : text;
  return importIncidents(db, { name, bytes }, { table: 'incidents', today: TODAY, ...options });
}

beforeAll(async () => {
  db = await sharedEngine();
  await load('good.csv', GOOD);
});

describe('files that are not incident data get one clear sentence and change nothing', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.csv', '', /is empty/],
    ['blank.csv', '   \n\n', /only blank space/],
    ['binary.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3, 0]), /binary file/],
    ['one-column.csv', 'just one column\nvalue\n', /single column/],
    ['header-only.csv', 'id,date,lat,lon\n', /has a header but no data rows/],
    [
      'budget.csv',
      'department,amount,year\nparks,100,2020\n',
      /does not look like incident data: no date, lat, lon column/,
    ],
    ['no-coords.csv', 'incident_id,date,place\n1,2020-01-01,corner\n', /no lat, lon column/],
    [
      'dates.csv',
      'id,date,lat,lon\n1,not a date,40.1,-73.9\n2,tomorrow-ish,40.1,-73.9\n',
      /dates in column "date" are in no known format/,
    ],
    [
      'polygons.geojson',
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}',
      /no point features \(found: Polygon\)/,
    ],
    ['broken.geojson', '{"type":"FeatureCollection","features":[', /not valid JSON/],
    [
      'all-bad.csv',
      'id,date,lat,lon\n1,2020-01-01,0,0\n2,2020-01-02,0,0\n',
      /None of the 2 rows .* coordinates are 0, 0/,
    ],
  ];
  for (const [name, content, message] of cases) {
    it(name, async () => {
      const error = await load(name, content).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ImportError);
      expect((error as Error).message).toMatch(message);
      await goodTableIntact();
    });
  }

  it('a mapping that names a column the file does not have', async () => {
    const error = await load('x.csv', GOOD, { mapping: { date: 'when' } }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(
      /Column "when" \(for date\) is not in "x.csv"; its columns are: incident_id, date/,
    );
    await goodTableIntact();
  });

  it('a preset asked for that the file does not match', async () => {
    const error = await load('x.csv', GOOD, { preset: 'nypd' }).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/does not have the columns of the NYPD preset/);
    await goodTableIntact();
  });
});

describe('rows that cannot be used are counted per reason with sample source rows', () => {
  const text = [
    'row,incident_id,date,latitude,longitude',
    'r1,i1,2024-01-01,40.8,-73.9', // line 2: good
    'r2,i2,,40.8,-73.9', // missing date
    'r3,i3,2024-02-30,40.8,-73.9', // impossible date
    'r4,i4,1850-01-01,40.8,-73.9', // before 1900
    'r5,i5,2099-01-01,40.8,-73.9', // future
    'r6,i6,2024-01-02,,', // missing coordinates
    'r7,i7,2024-01-02,95.0,-73.9', // latitude out of range
    'r8,i8,2024-01-02,40.8,-190', // longitude out of range
    'r9,i9,2024-01-02,0,0', // null island
    'r1,i10,2024-01-03,40.8,-73.9', // duplicate row id (line 11)
    'r11,i11,2024-01-03,40.8,-73.9,extra', // too many fields
    'r12,"<img src=x onerror=alert(1)>",2024-01-04,40.7,-73.8', // hostile text is data
  ].join('\n');

  it('reports every reason, line numbers included, and keeps the good rows', async () => {
    const { report } = await load('mixed.csv', text, { mapping: { rowId: 'row' }, table: 'mixed' });
    const byReason = Object.fromEntries(report.rejected.map((g) => [g.reason, g.count]));
    expect(byReason).toEqual({
      malformed_line: 1,
      missing_date: 1,
      unparsable_date: 1,
      date_before_1900: 1,
      date_in_future: 1,
      missing_coordinates: 1,
      coordinates_out_of_range: 2,
      coordinates_zero: 1,
      duplicate_row_id: 1,
    });
    expect(report.victims).toBe(2);
    expect(report.rowsRead).toBe(12);
    const sample = (reason: string) => report.rejected.find((g) => g.reason === reason)!.samples[0]!;
    expect(sample('missing_date').sourceRow).toBe(3);
    expect(sample('unparsable_date')).toMatchObject({ sourceRow: 4, date: '2024-02-30' });
    expect(sample('coordinates_zero').sourceRow).toBe(10);
    expect(sample('duplicate_row_id')).toMatchObject({ sourceRow: 11, incidentId: 'i10' });
    expect(report.notes.join(' ')).toMatch(/line 12: 6 fields where the header has 5/);
    const rows = arrowRows(await db.query('SELECT incident_id, source_row FROM mixed ORDER BY source_row'));
    expect(rows).toEqual([
      { incident_id: 'i1', source_row: 2n },
      { incident_id: '<img src=x onerror=alert(1)>', source_row: 13n },
    ]);
    await goodTableIntact();
  });
});

describe('generic mapping: formats and date conventions', () => {
  async function firstRow(
    name: string,
    content: string,
    options: Partial<Parameters<typeof importIncidents>[2]> = {},
  ) {
    const result = await load(name, content, { table: 'generic', ...options });
    const [row] = arrowRows(
      await db.query(
        'SELECT CAST(occurred_at AS VARCHAR) AS at, hour, weekday, lat, lon, fatal FROM generic ORDER BY row_id',
      ),
    );
    return { report: result.report, row: row! };
  }

  it('ISO 8601 midnight UTC stays on its calendar day', async () => {
    const { report, row } = await firstRow(
      'iso.csv',
      'id,date,lat,lon\n1,2021-08-09T00:00:00.000Z,41.88,-87.63\n',
    );
    expect(row.at).toBe('2021-08-09 00:00:00');
    expect(report.dateFormat).toBe('%Y-%m-%d %H:%M:%S');
  });

  it('MM/DD/YYYY with a 12-hour time', async () => {
    const { report, row } = await firstRow(
      'us.csv',
      'Case,Date,Latitude,Longitude\n7,08/09/2021 01:06:00 PM,41.88,-87.63\n',
    );
    expect(row).toMatchObject({ at: '2021-08-09 13:06:00', hour: 13, weekday: 1 });
    expect(report.mapping.incidentId).toBeUndefined();
  });

  it('day-first dates are recognised when the day exceeds 12', async () => {
    const { row } = await firstRow(
      'eu.csv',
      'id;date;lat;lon\n1;25/12/2020;51.5;-0.12\n2;03/01/2021;51.5;-0.12\n',
    );
    expect(row.at).toBe('2020-12-25 00:00:00');
  });

  it('epoch seconds and milliseconds', async () => {
    expect(
      (await firstRow('s.csv', 'id,ts,lat,lon\n1,1628467200,41.8,-87.6\n', { mapping: { date: 'ts' } })).row
        .at,
    ).toBe('2021-08-09 00:00:00');
    expect(
      (await firstRow('ms.csv', 'id,ts,lat,lon\n1,1628467200000,41.8,-87.6\n', { mapping: { date: 'ts' } }))
        .row.at,
    ).toBe('2021-08-09 00:00:00');
  });

  it('a separate time column, a given date format, tab delimiter and a byte-order mark', async () => {
    const { report, row } = await firstRow(
      'tab.tsv',
      '\ufeffid\twhen\tat\ty\tx\tkilled\n1\t2021.08.09\t9:05 PM\t41.8\t-87.6\tY\n',
      { mapping: { date: 'when', time: 'at', lat: 'y', lon: 'x', fatal: 'killed' }, dateFormat: '%Y.%m.%d' },
    );
    expect(report.source.delimiter).toBe('\t');
    expect(row).toMatchObject({ at: '2021-08-09 21:05:00', hour: 21, fatal: true });
  });

  it('dates without a time leave the hour unknown, not midnight', async () => {
    const { row, report } = await firstRow('d.csv', 'id,date,lat,lon\n1,2021-08-09,41.8,-87.6\n');
    expect(row.hour).toBeNull();
    expect(report.withoutTime).toBe(1);
  });

  it('hostile column names are quoted, never executed', async () => {
    const header = '"id""; DROP TABLE incidents; --","da\'te","la t","<lon>"';
    const { report } = await firstRow('hostile.csv', `${header}\n1,2020-01-01,40.1,-73.9\n`, {
      mapping: { incidentId: 'id"; DROP TABLE incidents; --', date: "da'te", lat: 'la t', lon: '<lon>' },
    });
    expect(report.victims).toBe(1);
    await goodTableIntact();
  });

  it('quoted thousands deep in a file do not break parsing', async () => {
    const lines = ['id,date,lat,lon,x'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i},2020-01-01,40.5,-73.9,1000`);
    lines.push('30000,2020-01-02,40.6,-73.8,"1,015,796"');
    const { report } = await firstRow('deep.csv', lines.join('\n'));
    expect(report.victims).toBe(30_001);
    expect(report.rejectedTotal).toBe(0);
  });

  it('GeoJSON points and Arrow IPC load through the same mapping', async () => {
    const geojson = JSON.stringify({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { id: 'g1', date: '2022-03-04 05:06:07' },
          geometry: { type: 'Point', coordinates: [-87.6, 41.8] },
        },
      ],
    });
    const { row } = await firstRow('points.geojson', geojson);
    expect(row).toMatchObject({ at: '2022-03-04 05:06:07', lat: 41.8, lon: -87.6 });
    const { tableFromArrays, tableToIPC } = await import('apache-arrow');
    const ipc = tableToIPC(
      tableFromArrays({
        id: ['k1'],
        date: ['2023-01-02'],
        lat: Float64Array.of(41.7),
        lon: Float64Array.of(-87.5),
      }),
      'file',
    );
    const arrow = await load('t.arrow', ipc, { table: 'generic' });
    expect(arrow.report.source.format).toBe('arrow');
    expect(arrow.report.victims).toBe(1);
  });
});
