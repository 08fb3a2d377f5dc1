/**
 * Quoted fields with line breaks (RFC 4180): such a record loads as one row, counts once (rows read = loaded
 * + rejected, counting records), and is named by its first line in the report. On well-formed files the
 * records and their values agree with native DuckDB's own CSV reader (`read_csv(..., quote='"',
 * escape='"', parallel=false, all_varchar=true)`), line breaks inside a field compared as LF (the importer
 * joins a record's lines with LF). A quote that is not closed within the record line limit, or before an
 * unreadable line, is rejected on its own line and reading resynchronises on the next line.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/analysis/random';
import type { Connector } from '../../src/data/connector';
import { type ImportReport, importIncidents } from '../../src/data/import-incidents';
import { arrowRows } from '../../src/data/rows';
import { bytesOf, sharedEngine } from '../support/engine';

const TODAY = '2026-11-27';
const HEADER = 'incident_id,date,latitude,longitude,fatal';
const good = (i: number) =>
  `i${i},2024-05-${String((i % 28) + 1).padStart(2, '0')},40.8${i % 10},-73.9${i % 7},false`;
const rows = (from: number, n: number) => Array.from({ length: n }, (_, k) => good(from + k));

let db: Connector;
let dir: string;

beforeAll(async () => {
  db = await sharedEngine();
  dir = mkdtempSync(path.join(tmpdir(), 'multiline-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function load(name: string, text: string, limits = {}): Promise<ImportReport> {
  return (await importIncidents(db, { name, bytes: bytesOf(text) }, { table: 'ml', today: TODAY, limits }))
    .report;
}

function malformed(report: ImportReport) {
  return report.rejected.find((g) => g.reason === 'malformed_line')?.samples ?? [];
}

function expectAccounted(report: ImportReport, read: number) {
  expect(report.rowsRead).toBe(read);
  expect(report.victims + report.rejectedTotal).toBe(read);
}

/** A narrative as exports write them: line breaks (some blank lines), commas and doubled quotes. */
function narrative(random: () => number, i: number, newline: string): string {
  const parts = [`Victim ${i} said "stop", then ran`];
  const lines = Math.floor(random() * 4);
  for (let k = 0; k < lines; k++) parts.push(random() < 0.3 ? '' : `line ${k}, near ${i * 7} Main St`);
  return parts.join(newline);
}

/** Native DuckDB's reading of a file: incident id → narrative, in file order. */
async function nativeRead(file: string): Promise<Map<string, string>> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const reader = await con.runAndReadAll(
    `SELECT incident_id, narrative FROM read_csv('${file}', header = true, quote = '"', escape = '"', parallel = false, all_varchar = true)`,
  );
  con.closeSync();
  return new Map(reader.getRows().map(([id, text]) => [String(id), String(text)]));
}

describe('quoted fields with line breaks', () => {
  for (const newline of ['\n', '\r\n']) {
    it(`load as one row each and agree with native DuckDB (${newline === '\n' ? 'LF' : 'CRLF'} file)`, async () => {
      const random = seededRandom(newline.length * 7919);
      const lines = [`${HEADER},narrative`];
      for (let i = 1; i <= 60; i++) {
        const text = narrative(random, i, newline);
        lines.push(`${good(i)},"${text.replace(/"/g, '""')}"`);
      }
      const content = `${lines.join(newline)}${newline}`;
      const file = path.join(dir, `narratives-${newline.length}.csv`);
      writeFileSync(file, content);
      const native = await nativeRead(file);
      expect(native.size).toBe(60);
      const physical = content.split(newline).length - 2;
      expect(physical).toBeGreaterThan(90);

      const report = await load('narratives.csv', content);
      expectAccounted(report, native.size);
      expect(report.rejectedTotal).toBe(0);
      expect(report.notes.join(' ')).toMatch(/record\(s\) span several lines .* named by its first line/);
      const loaded = arrowRows(
        await db.query('SELECT incident_id, "attr:narrative" AS narrative FROM ml ORDER BY incident_id'),
      );
      expect(loaded).toHaveLength(native.size);
      for (const row of loaded) {
        // The importer trims spaces (only spaces) around a value.
        const expected = native
          .get(String(row.incident_id))!
          .replace(/\r\n/g, '\n')
          .replace(/^ +| +$/g, '');
        expect(row.narrative).toBe(expected);
      }
    });
  }

  it('a record that cannot be split is named by its first line; the rows after it keep their own lines', async () => {
    const text = [
      `${HEADER},note`,
      ...rows(1, 3).map((r) => `${r},x`),
      'i4,2024-05-01,40.8,"first line',
      'second line',
      'third",false',
      ...rows(5, 2).map((r) => `${r},"a${'\n'}b"`),
      'i7,2024-05-01,40.8,-73.9',
      ...rows(8, 2).map((r) => `${r},y`),
    ].join('\n');
    const report = await load('bad-record.csv', text);
    // 3 + 1 (lines 5–7) + 2 (lines 8–9, 10–11) + 1 (line 12) + 2 records.
    expectAccounted(report, 9);
    expect(malformed(report).map((s) => [s.sourceRow, s.detail])).toEqual([
      [5, '5 fields where the header has 6'],
      [12, '4 fields where the header has 6'],
    ]);
    expect(malformed(report)[0]!.text).toBe('i4,2024-05-01,40.8,"first line ⏎ second line ⏎ third",false');
  });

  it('an unbalanced quote is rejected on its own line, and the rest of the file is read', async () => {
    const text = [HEADER, good(1), 'i2,2024-05-01,40.8,-73.9,"fal', ...rows(3, 300)].join('\n');
    const report = await load('runaway.csv', text);
    expectAccounted(report, 302);
    expect(report.victims).toBe(301);
    expect(malformed(report).map((s) => s.sourceRow)).toEqual([3]);
    expect(malformed(report)[0]!.detail).toMatch(/a quote is not closed on this line nor within 100 lines/);
  });

  it('a closing quote beyond the record line limit does not join: both lines are rejected alone', async () => {
    const text = [
      HEADER,
      good(1),
      'i2,2024-05-01,40.8,-73.9,"fal',
      ...rows(3, 20),
      'i23,2024-05-01,40.8,-73.9,fal"se',
      ...rows(24, 5),
    ].join('\n');
    const report = await load('late-close.csv', text, { maxRecordLines: 10 });
    expectAccounted(report, 28);
    expect(report.victims).toBe(26);
    expect(malformed(report).map((s) => s.sourceRow)).toEqual([3, 24]);
    expect(malformed(report)[0]!.detail).toMatch(/within 10 lines/);
    // With the default limit the same lines form one record (lines 3–24), which cannot be split.
    const joined = await load('late-close.csv', text);
    expectAccounted(joined, 7);
    expect(malformed(joined).map((s) => s.sourceRow)).toEqual([3]);
  });

  it('a record over the byte limit is rejected as one, by its first line', async () => {
    const long = Array.from({ length: 3 }, (_, k) => `${k}`.padEnd(900, 'n')).join('\n');
    const text = [HEADER, good(1), `i2,2024-05-01,40.8,-73.9,"${long}"`, ...rows(3, 4)].join('\n');
    const report = await load('long-record.csv', text, { maxLineBytes: 2000 });
    expectAccounted(report, 6);
    expect(malformed(report).map((s) => [s.sourceRow, s.detail])).toEqual([
      [3, 'the record (over several lines) is longer than 2,000 bytes'],
    ]);
  });

  it('a record never runs across a line the engine cannot read', async () => {
    const text = [
      HEADER,
      good(1),
      'i2,2024-05-01,40.8,-73.9,"start',
      'x'.repeat(3000),
      'end"',
      ...rows(3, 3),
    ].join('\n');
    const report = await load('broken-record.csv', text, { maxLineBytes: 2000 });
    expectAccounted(report, 7);
    expect(malformed(report).map((s) => s.sourceRow)).toEqual([3, 4, 5]);
    expect(malformed(report).map((s) => s.detail)).toEqual([
      expect.stringMatching(/a quote is not closed on this line nor within/),
      'the line is longer than 2,000 bytes',
      'a quote is not closed on this line, or stands inside an unquoted field',
    ]);
  });
});
