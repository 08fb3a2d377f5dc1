/**
 * Property-based hostile-file suite: fast-check generates damaged files from the known families (ragged
 * lines, unbalanced quotes, CRLF/LF mixes, invalid and overlong UTF-8, long lines, blank lines, byte-order
 * marks, quoted fields with line breaks) and from windows of the real NYPD file corrupted at random, all from
 * a fixed seed. For every case: no crash (only an ImportError may be thrown), no hang (each import is
 * time-boxed), rows read = rows loaded + rows rejected = the records of the file as a reference reader
 * (`tests/support/csv-records.ts`, a character scanner) counts them, the rejected lines are the records that
 * reader cannot split plus the unreadable lines, every bad line is named by line and reason, and a dataset
 * loaded before is untouched. The counts per run are printed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/data/connector';
import { readFileBytes } from '../../src/data/engine-node';
import { type ImportReport, importIncidents } from '../../src/data/import-incidents';
import { ImportError, sniffSource } from '../../src/data/loaders/sniff';
import { arrowRows } from '../../src/data/rows';
import { referenceRecords } from '../support/csv-records';
import { bytesOf, sharedEngine } from '../support/engine';
import { sharedDataAvailable, sharedDataPath } from '../support/shared-data';

const TODAY = '2026-11-27';
const TIME_BOX_MS = 20_000;
const NYPD = 'NYPD_Shooting_Incident_Data__Historic_.csv';
const stats = { cases: 0, loaded: 0, refused: 0, crashes: 0, hangs: 0, unaccounted: 0, multiLine: 0 };
let db: Connector;
let nypdLines: string[] = [];

/** One data line damaged in one of the families' ways (a line stays one line). */
const damage = fc.constantFrom(
  'cut',
  'extra',
  'quote',
  'utf8',
  'overlong',
  'crlf',
  'long',
  'none',
  'multiline',
  'multiline-crlf',
);

/** Damage kinds after which the engine cannot read the line at all. */
const UNREADABLE = new Set(['utf8', 'overlong']);

function damaged(line: string, kind: string, at: number): Uint8Array {
  const p = Math.max(1, Math.floor(at * line.length));
  switch (kind) {
    case 'cut':
      return bytesOf(line.slice(0, Math.min(p, Math.max(1, line.lastIndexOf(',')))));
    case 'extra':
      return bytesOf(`${line},x`);
    case 'quote':
      return bytesOf(`${line.slice(0, p)}"${line.slice(p)}`);
    case 'utf8':
      return new Uint8Array([...bytesOf(line.slice(0, p)), 0xff, 0xfe, ...bytesOf(line.slice(p))]);
    case 'overlong':
      return new Uint8Array([...bytesOf(line.slice(0, p)), 0xc0, 0xaf, ...bytesOf(line.slice(p))]);
    case 'crlf':
      return bytesOf(`${line}\r`);
    case 'long':
      return bytesOf(`${line}${'z'.repeat(3000)}`);
    case 'multiline':
    case 'multiline-crlf': {
      // The last field becomes a quoted narrative with line breaks (a blank line and a doubled quote too).
      const cut = line.lastIndexOf(',');
      const nl = kind === 'multiline' ? '\n' : '\r\n';
      const story = `said ""stop""${nl}${nl}ran, north${nl}${'x'.repeat(Math.floor(at * 5))}`;
      return bytesOf(`${line.slice(0, cut + 1)}"${line.slice(cut + 1)} ${story}"`);
    }
    default:
      return bytesOf(line);
  }
}

const synthetic = fc.record({
  rows: fc.integer({ min: 1, max: 60 }),
  damage: fc.array(fc.tuple(fc.nat(), damage, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 8 }),
  blanks: fc.array(fc.nat(), { maxLength: 3 }),
  boms: fc.integer({ min: 0, max: 2 }),
  crlfHeader: fc.boolean(),
});

const nypdCase = fc.record({
  start: fc.nat(),
  rows: fc.integer({ min: 20, max: 400 }),
  damage: fc.array(fc.tuple(fc.nat(), damage, fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 12 }),
});

/** Joins a header and data lines (with damage and blank lines) into file bytes; counts the unreadable lines. */
function build(
  header: string,
  data: string[],
  damages: [number, string, number][],
  blanks: number[],
  boms: number,
  crlfHeader: boolean,
): { bytes: Uint8Array; unreadable: number } {
  const lines = data.map((l) => bytesOf(l));
  const kinds = data.map(() => 'none');
  for (const [i, kind, at] of damages) {
    lines[i % lines.length] = damaged(data[i % data.length]!, kind, at);
    kinds[i % lines.length] = kind;
  }
  const out: number[] = [
    ...bytesOf('\ufeff'.repeat(boms)),
    ...bytesOf(header),
    ...(crlfHeader ? [13, 10] : [10]),
  ];
  const blankAfter = new Set(blanks.map((b) => b % lines.length));
  lines.forEach((l, i) => {
    out.push(...l, 10);
    if (blankAfter.has(i)) out.push(10);
  });
  const unreadable = kinds.filter((k) => UNREADABLE.has(k)).length;
  return { bytes: new Uint8Array(out), unreadable };
}

async function check(name: string, bytes: Uint8Array, unreadableCount: number): Promise<void> {
  stats.cases++;
  // The importer reads a file with invalid UTF-8 in its first 64 KiB as Latin-1 (and says so); the
  // reference reader decodes the text the same way.
  const encoding = sniffSource(name, bytes.subarray(0, 65_536), bytes.length).encoding ?? 'utf-8';
  const text = new TextDecoder(encoding).decode(bytes).replace(/^\ufeff+/, '');
  const columns = text.slice(0, text.indexOf('\n')).replace(/\r$/, '').split(',').length;
  // Invalid UTF-8 decodes to U+FFFD, which the generated data never holds otherwise.
  const records = referenceRecords(text, { unreadable: (line) => line.includes('\ufffd') });
  const unreadable = records.unreadableLines;
  expect(unreadable.length).toBe(encoding === 'utf-8' ? unreadableCount : 0);
  if (records.some((r) => r.lines > 1)) stats.multiLine++;
  const dataLines = records.length + unreadable.length;
  const bad = records.filter((r) => r.fields === null || r.fields.length !== columns);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), TIME_BOX_MS);
  });
  const outcome = await Promise.race([
    importIncidents(db, { name, bytes }, { table: 'fuzzed', today: TODAY }).then(
      (r) => r.report,
      (e: unknown) => e,
    ),
    hang,
  ]);
  clearTimeout(timer);
  if (outcome === 'hang') {
    stats.hangs++;
    throw new Error(`${name}: no answer within ${TIME_BOX_MS} ms`);
  }
  if (outcome instanceof Error) {
    if (!(outcome instanceof ImportError)) {
      stats.crashes++;
      throw outcome;
    }
    stats.refused++;
    expect(outcome.message.length).toBeGreaterThan(20);
  } else {
    const report = outcome as ImportReport;
    stats.loaded++;
    if (report.rowsRead !== dataLines || report.victims + report.rejectedTotal !== report.rowsRead) {
      stats.unaccounted +=
        Math.abs(report.rowsRead - dataLines) +
        Math.abs(report.victims + report.rejectedTotal - report.rowsRead);
    }
    expect(report.rowsRead).toBe(dataLines);
    expect(report.victims + report.rejectedTotal).toBe(report.rowsRead);
    const malformed = report.rejected.find((g) => g.reason === 'malformed_line');
    expect(malformed?.count ?? 0).toBe(bad.length + unreadable.length);
    expect(malformed?.samples.map((x) => x.sourceRow) ?? []).toEqual(
      [...bad.map((r) => r.line), ...unreadable].sort((a, b) => a - b).slice(0, 5),
    );
    for (const group of report.rejected) {
      expect(group.label.length).toBeGreaterThan(0);
      for (const sample of group.samples) {
        expect(sample.sourceRow).toBeGreaterThan(1);
        if (group.reason === 'malformed_line') expect(sample.detail).toBeTruthy();
      }
    }
  }
  const [row] = arrowRows(await db.query('SELECT count(*) AS n, min(incident_id) AS first FROM kept'));
  expect(row).toEqual({ n: 2n, first: 'k1' });
}

beforeAll(async () => {
  db = await sharedEngine();
  await importIncidents(
    db,
    {
      name: 'kept.csv',
      bytes: bytesOf('incident_id,date,lat,lon\nk1,2024-01-01,40.7,-73.9\nk2,2024-01-02,40.7,-73.9\n'),
    },
    { table: 'kept', today: TODAY },
  );
  if (sharedDataAvailable(NYPD)) {
    nypdLines = new TextDecoder()
      .decode(readFileBytes(sharedDataPath(NYPD)))
      .split('\n')
      .filter((l) => l.length > 0);
  }
});

afterAll(() => {
  console.log(
    `hostile-file property suite: ${stats.cases} cases (${stats.loaded} loaded, ${stats.refused} refused, ${stats.multiLine} with records over several lines), crashes ${stats.crashes}, hangs ${stats.hangs}, unaccounted rows ${stats.unaccounted}`,
  );
});

describe('generated hostile files', () => {
  it('synthetic families', async () => {
    const header = 'incident_id,date,latitude,longitude,fatal';
    await fc.assert(
      fc.asyncProperty(synthetic, async (c) => {
        const data = Array.from(
          { length: c.rows },
          (_, i) => `i${i},2024-0${(i % 9) + 1}-1${i % 10},40.${7 + (i % 2)}${i},-73.9${i},${i % 3 === 0}`,
        );
        const { bytes, unreadable } = build(header, data, c.damage, c.blanks, c.boms, c.crlfHeader);
        await check('synthetic.csv', bytes, unreadable);
      }),
      { seed: 20261205, numRuns: 25, endOnFailure: true },
    );
  }, 300_000);

  it.runIf(sharedDataAvailable(NYPD))(
    'windows of the real NYPD file, corrupted at random',
    async () => {
      await fc.assert(
        fc.asyncProperty(nypdCase, async (c) => {
          const body = nypdLines.slice(1);
          const from = c.start % Math.max(1, body.length - c.rows);
          const data = body.slice(from, from + c.rows);
          const { bytes, unreadable } = build(nypdLines[0]!, data, c.damage, [], 0, false);
          await check('nypd-window.csv', bytes, unreadable);
        }),
        { seed: 1205, numRuns: 15, endOnFailure: true },
      );
    },
    300_000,
  );
});
