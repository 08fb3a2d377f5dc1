/**
 * Hostile and broken files, one family per case: what cannot be loaded is refused up front with the limit
 * named; damaged lines are rejected with their numbers and the rest is loaded; every row is accounted for
 * exactly once (rows read = rows loaded + rows rejected); the report carries a note where the data is
 * suspicious; and a dataset loaded before is never touched.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/random';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { type ImportReport, importIncidents } from '../../src/data/import-incidents';
import { ImportError } from '../../src/data/loaders/sniff';
import { arrowRows } from '../../src/data/rows';
import { runCli } from '../support/cli';
import { referenceRecords } from '../support/csv-records';
import { bytesOf, sharedEngine } from '../support/engine';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const TODAY = '2026-11-27';
const HEADER = 'incident_id,date,latitude,longitude,fatal';
const good = (i: number) =>
  `i${i},2024-05-${String((i % 28) + 1).padStart(2, '0')},40.8${i % 10},-73.9${i % 7},false`;
const rows = (from: number, n: number) => Array.from({ length: n }, (_, k) => good(from + k));

let db: Connector;

async function load(
  name: string,
  content: string | Uint8Array,
  options: Partial<Parameters<typeof importIncidents>[2]> = {},
) {
  const bytes = typeof content === 'string' ? bytesOf(content) : content;
  return (await importIncidents(db, { name, bytes }, { table: 'hostile', today: TODAY, ...options })).report;
}

async function refusal(name: string, content: string | Uint8Array, options = {}): Promise<string> {
  const error = await load(name, content, options).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ImportError);
  return (error as Error).message;
}

/** Every row read is either loaded or rejected, once. */
function expectAccounted(report: ImportReport, read: number) {
  expect(report.rowsRead).toBe(read);
  expect(report.victims + report.rejectedTotal).toBe(read);
}

function malformedLines(report: ImportReport): number[] {
  return (report.rejected.find((g) => g.reason === 'malformed_line')?.samples ?? []).map((s) => s.sourceRow);
}

async function kept() {
  const [row] = arrowRows(
    await db.query(
      "SELECT count(*) AS n, string_agg(incident_id, ',' ORDER BY incident_id) AS ids FROM kept",
    ),
  );
  expect(row).toEqual({ n: 3n, ids: 'k1,k2,k3' });
}

beforeAll(async () => {
  db = await sharedEngine();
  await importIncidents(
    db,
    {
      name: 'kept.csv',
      bytes: bytesOf(
        'incident_id,date,lat,lon\nk1,2024-01-01,40.7,-73.9\nk2,2024-01-02,40.7,-73.9\nk3,2024-01-03,40.7,-73.9\n',
      ),
    },
    { table: 'kept', today: TODAY },
  );
});

afterAll(async () => {
  await kept();
});

describe('refused up front, the limit named', () => {
  it('10,000 columns', async () => {
    const header = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    expect(await refusal('wide.csv', `${header}\n${'1,'.repeat(9_999)}1\n`)).toMatch(
      /has 10,000 columns, more than the 1,000 that can be imported/,
    );
    await kept();
  });

  it('a 1 MB single-line file', async () => {
    expect(await refusal('one-line.csv', 'a,'.repeat(500_000))).toMatch(
      /first line longer than 64 KiB, the limit for a header line/,
    );
    await kept();
  });

  it('a file beyond the size limit, and a GeoJSON beyond the in-memory limit', async () => {
    const text = [HEADER, ...rows(1, 50)].join('\n');
    expect(await refusal('big.csv', text, { limits: { maxSourceBytes: 1000 } })).toMatch(
      /is \d\.\d KiB, more than the 1,000 bytes that can be imported/,
    );
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [] }).padEnd(5000, ' ');
    expect(await refusal('big.geojson', geojson, { limits: { maxInMemoryBytes: 4096 } })).toMatch(
      /GeoJSON file is read whole into memory and can be at most/,
    );
    await kept();
  });
});

describe('damaged lines are rejected with their numbers, the rest is loaded', () => {
  it('one unbalanced quote', async () => {
    const text = [HEADER, ...rows(1, 3), 'i4,"2024-05-01,40.8,-73.9,false', ...rows(5, 3)].join('\n');
    const report = await load('quote.csv', text);
    expectAccounted(report, 7);
    expect(report.victims).toBe(6);
    expect(malformedLines(report)).toEqual([5]);
    expect(report.notes.join(' ')).toMatch(/line 5: a quote is not closed/);
  });

  it('mixed line endings, and a CRLF header over LF rows', async () => {
    const mixed = `${HEADER}\n${rows(1, 3).join('\r\n')}\n${rows(4, 3).join('\n')}\r\n`;
    expectAccounted(await load('mixed.csv', mixed), 6);
    const crlfHeader = `${HEADER}\r\n${rows(1, 5).join('\n')}\n`;
    const report = await load('crlf-header.csv', crlfHeader);
    expectAccounted(report, 5);
    expect(report.rejectedTotal).toBe(0);
    expect(report.source.columns.at(-1)).toBe('fatal');
  });

  it('lines after a CR LF in an LF file keep the numbers an editor shows', async () => {
    // editor lines: 1 header, 2–4 rows (the first two end in CR LF), 5 ragged, 6 blank, 7 row, 8 invalid UTF-8
    const text = `${HEADER}\n${rows(1, 1)}\r\n${rows(2, 1)}\r\n${rows(3, 1)}\ni9,2024-05-01,40.8\n\n${rows(4, 1)}\n`;
    const bytes = new Uint8Array([...bytesOf(text), 0x69, 0xff, 0x0a]);
    const report = await load('lf-then-crlf.csv', bytes);
    expectAccounted(report, 6);
    expect(report.rejectedTotal).toBe(2);
    expect(malformedLines(report)).toEqual([5, 8]);
  });

  it('two ragged lines count as two rejects', async () => {
    const text = [
      HEADER,
      ...rows(1, 3),
      'i9,2024-05-01,40.8',
      ...rows(4, 3),
      'i10,2024-05-01,40.8,-73.9,false,x,y',
      ...rows(7, 2),
    ];
    const report = await load('ragged.csv', text.join('\n'));
    expectAccounted(report, 10);
    expect(report.rejectedTotal).toBe(2);
    expect(malformedLines(report)).toEqual([5, 9]);
    const samples = report.rejected[0]!.samples;
    expect(samples.map((s) => s.detail)).toEqual([
      '3 fields where the header has 5',
      '7 fields where the header has 5',
    ]);
  });

  it('a data line beyond the line limit', async () => {
    const text = [HEADER, ...rows(1, 2), `i3,2024-05-01,40.8,-73.9,${'x'.repeat(3000)}`, ...rows(4, 2)].join(
      '\n',
    );
    const report = await load('long-line.csv', text, { limits: { maxLineBytes: 2000 } });
    expectAccounted(report, 5);
    expect(malformedLines(report)).toEqual([4]);
    expect(report.rejected[0]!.samples[0]!.detail).toBe('the line is longer than 2,000 bytes');
  });

  it('invalid and overlong UTF-8 in a UTF-8 file: those lines rejected, accented text kept', async () => {
    const before = bytesOf(
      `${HEADER},place\n${rows(1, 2)
        .map((r) => `${r},Café Nuñez`)
        .join('\n')}\n`,
    );
    const overlong = new Uint8Array([...bytesOf('i3,2024-05-01,40.8,-73.9,false,'), 0xc0, 0xaf, 0x0a]);
    const invalid = new Uint8Array([...bytesOf('i4,2024-05-01,40.8,-73.9,false,'), 0xff, 0xfe, 0x41, 0x0a]);
    const after = bytesOf(
      `${rows(5, 2)
        .map((r) => `${r},Ångström`)
        .join('\n')}\n`,
    );
    const report = await load('utf8.csv', new Uint8Array([...before, ...overlong, ...invalid, ...after]));
    expectAccounted(report, 6);
    expect(malformedLines(report)).toEqual([4, 5]);
    expect(report.rejected[0]!.samples[0]!.detail).toBe('the line is not valid UTF-8 text');
    const places = arrowRows(await db.query('SELECT DISTINCT "attr:place" AS p FROM hostile ORDER BY 1'));
    expect(places.map((r) => r.p)).toEqual(['Café Nuñez', 'Ångström']);
  });
});

describe('encodings, marks and names', () => {
  it('a doubled byte-order mark: the first column is found', async () => {
    const report = await load('bom2.csv', `\ufeff\ufeff${[HEADER, ...rows(1, 3)].join('\n')}`);
    expect(report.source.columns[0]).toBe('incident_id');
    expect(report.mapping.incidentId).toBe('incident_id');
    expect(report.notes.join(' ')).toMatch(/starts with 2 byte-order marks/);
    expectAccounted(report, 3);
  });

  it('UTF-16 text (with and without a byte-order mark) is decoded, not called binary', async () => {
    const text = [`${HEADER},place`, ...rows(1, 3).map((r, k) => `${r},${k ? 'Köln' : 'Düsseldorf'}`)].join(
      '\r\n',
    );
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
    const report = await load('utf16.csv', le);
    expectAccounted(report, 3);
    expect(report.notes.join(' ')).toMatch(/read as UTF-16 \(little-endian\)/);
    const be = Buffer.from(text, 'utf16le').swap16();
    expectAccounted(await load('utf16be.csv', new Uint8Array([0xfe, 0xff, ...be])), 3);
    expectAccounted(await load('utf16-nobom.csv', new Uint8Array(Buffer.from(text, 'utf16le'))), 3);
    const places = arrowRows(await db.query('SELECT DISTINCT "attr:place" AS p FROM hostile ORDER BY 1'));
    expect(places.map((r) => r.p)).toEqual(['Düsseldorf', 'Köln']);
  });

  it('a Latin-1 header is read as the header', async () => {
    const latin1 = Buffer.from(
      `incident_id,date,latitude,longitude,quartier\u00e9\ni1,2024-05-01,40.8,-73.9,caf\u00e9\ni2,2024-05-02,40.8,-73.9,na\u00efve\n`,
      'latin1',
    );
    const report = await load('latin1.csv', new Uint8Array(latin1));
    expect(report.source.columns).toEqual(['incident_id', 'date', 'latitude', 'longitude', 'quartieré']);
    expect(report.notes.join(' ')).toMatch(/Latin-1/);
    expectAccounted(report, 2);
  });

  it('a column named __row is kept and can be mapped', async () => {
    const text = ['__row,date,latitude,longitude', 'a,2024-05-01,40.8,-73.9', 'a,2024-05-02,40.8,-73.9'].join(
      '\n',
    );
    const report = await load('row.csv', text, { mapping: { rowId: '__row' } });
    expect(report.source.columns).toContain('__row');
    expect(report.rejected.map((g) => [g.reason, g.count])).toEqual([['duplicate_row_id', 1]]);
  });

  it('ISO 8601 timestamps with a zone keep their wall-clock time', async () => {
    const values = [
      '2024-05-01T10:00:00+02:00',
      '2024-05-01T10:00:00.250-0500',
      '2024-05-01T10:00:00z',
      '2024-05-01 10:00:00 UTC',
      '2024-05-01T10:00:00+02:00[Europe/Paris]',
    ];
    for (const v of values) {
      await load('iso.csv', `id,date,lat,lon\n1,${v},40.8,-73.9\n`);
      const [row] = arrowRows(await db.query('SELECT CAST(occurred_at AS VARCHAR) AS at FROM hostile'));
      expect(row?.at, v).toBe('2024-05-01 10:00:00');
    }
  });
});

describe('wrong options and wrong binaries get our own sentence', () => {
  it('an invalid --date-format', async () => {
    const message = await refusal('x.csv', [HEADER, ...rows(1, 3)].join('\n'), { dateFormat: '%Q/%m' });
    expect(message).toMatch(/^The date format "%Q\/%m" is not valid/);
    expect(message).not.toMatch(/Invalid Input Error|strftime/);
    await kept();
  });

  it('garbage that starts with Parquet or Arrow magic bytes', async () => {
    const parquet = new Uint8Array([0x50, 0x41, 0x52, 0x31, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await refusal('x.parquet', parquet)).toMatch(
      /starts like a Parquet file but could not be decoded/,
    );
    const arrow = new Uint8Array([0x41, 0x52, 0x52, 0x4f, 0x57, 0x31, 0, 0, 9, 9, 9, 9]);
    expect(await refusal('x.arrow', arrow)).toMatch(/Arrow file but could not be decoded as Arrow/);
    await kept();
  });

  it('a named pipe given to the command line is refused without waiting', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cvi-fifo-'));
    const fifo = path.join(dir, 'incidents.csv');
    execFileSync('mkfifo', [fifo]);
    try {
      const started = Date.now();
      const result = await runCli(['load', '--input', fifo]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/is a named pipe, not a regular file/);
      expect(Date.now() - started).toBeLessThan(10_000);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('accepted, with a note', () => {
  it('every coordinate swapped (the city lands in Antarctica)', async () => {
    const text = [HEADER, ...rows(1, 5).map((r) => r.replace(/,(40\.8\d),(-73\.9\d),/, ',$2,$1,'))].join(
      '\n',
    );
    const report = await load('swapped.csv', text);
    expect(report.notes.join(' ')).toMatch(
      /5 of 5 points lie south of 60° S \(Antarctica\): latitude and longitude look swapped/,
    );
  });

  it('1,000 exact duplicate rows', async () => {
    const text = [HEADER, ...rows(1, 20), ...Array.from({ length: 1000 }, () => good(3))].join('\n');
    const report = await load('dups.csv', text);
    expectAccounted(report, 1020);
    expect(report.notes.join(' ')).toMatch(/1,000 row\(s\) repeat an earlier row in every column/);
  });

  it('day-first dates mixed with month-first', async () => {
    const dates = [
      '05/03/2024',
      '06/04/2024',
      '07/05/2024',
      '12/25/2023',
      '01/30/2024',
      '11/13/2024',
      '25/12/2023',
      '30/01/2024',
    ];
    const text = ['id,date,lat,lon', ...dates.map((d, i) => `${i},${d},40.8,-73.9`)].join('\n');
    const report = await load('mixed-dates.csv', text);
    expect(report.dateFormat).toBe('%m/%d/%Y');
    expect(report.notes.join(' ')).toMatch(
      /mix day-first and month-first order: 2 value\(s\) such as "(25\/12\/2023|30\/01\/2024)"/,
    );
  });

  it('times like 25:61, noon and 13:00 PM', async () => {
    const times = ['25:61', 'noon', '13:00 PM', '10:15', '(null)'];
    const text = ['id,date,time,lat,lon', ...times.map((t, i) => `${i},2024-05-01,${t},40.8,-73.9`)].join(
      '\n',
    );
    const report = await load('times.csv', text, { mapping: { time: 'time' } });
    expect(report.notes.join(' ')).toMatch(
      /3 time value\(s\) could not be read \(e\.g\. "13:00 PM", "25:61", "noon"\)/,
    );
    expect(report.withoutTime).toBe(4);
  });

  it('fatal values like DEAD (read as fatal) and maybe (unknown, noted)', async () => {
    const values = ['DEAD', 'maybe', 'Injured', 'Y', ''];
    const text = ['id,date,lat,lon,fatal', ...values.map((v, i) => `${i},2024-05-01,40.8,-73.9,${v}`)].join(
      '\n',
    );
    const report = await load('fatal.csv', text);
    expect(report.fatalVictims).toBe(2);
    expect(report.notes.join(' ')).toMatch(
      /1 value\(s\) of the fatal column were not recognised \(e\.g\. "maybe"\)/,
    );
  });
});

const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';

describe.runIf(sharedDataAvailable(NYPD))('the real NYPD file, damaged', () => {
  it('without INCIDENT_KEY the preset is off, and the report says what that costs', async () => {
    const lines = new TextDecoder()
      .decode(readFileBytes(sharedDataPath(NYPD)))
      .split('\n')
      .slice(0, 201);
    const cut = lines.map((l) => l.slice(l.indexOf(',') + 1)).join('\n');
    const report = await load('nypd-no-key.csv', cut);
    expect(report.preset).toBe('generic');
    expect(report.notes.join(' ')).toMatch(
      /look like the NYPD Shooting Incident Data \(Historic\) file but INCIDENT_KEY is missing, so its preset is off: each row counts as its own incident, .*not recovered from state-plane X\/Y/,
    );
  });

  it('with 1% of its lines cut short, every row is accounted for once', async () => {
    const text = new TextDecoder().decode(readFileBytes(sharedDataPath(NYPD)));
    const lines = text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    const random = seededRandom(20261205);
    const damaged = new Set<number>();
    while (damaged.size < Math.round((lines.length - 1) * 0.01))
      damaged.add(1 + Math.floor(random() * (lines.length - 1)));
    for (const i of damaged) {
      const line = lines[i]!;
      // Cut before the last delimiter: at least the last field is lost, or a quote is left open.
      lines[i] = line.slice(0, 1 + Math.floor(random() * (line.lastIndexOf(',') - 1)));
    }
    const damagedText = lines.join('\n');
    const report = await load('nypd-damaged.csv', damagedText);
    // A cut inside a quoted field leaves a quote open: up to the next line with an odd number of quotes
    // within 100 lines, those lines are one record (RFC 4180), named by its first line; the reference
    // reader (a character scanner) says which records there are and which cannot be split.
    const records = referenceRecords(damagedText);
    const bad = records.filter((r) => r.fields === null || r.fields.length !== 21);
    expect(records.length).toBeLessThanOrEqual(29_744);
    expectAccounted(report, records.length);
    expect(bad.length).toBeGreaterThan(0);
    expect(report.rejected.find((g) => g.reason === 'malformed_line')?.count).toBe(bad.length);
    expect(malformedLines(report)).toEqual(bad.slice(0, 5).map((r) => r.line));
    // Every damaged line is rejected, alone or inside the record it opened or closed.
    const covered = (line: number) => bad.some((r) => line >= r.line && line < r.line + r.lines);
    expect([...damaged].every((i) => covered(i + 1))).toBe(true);
  });
});
