/**
 * Stages a delimited text file for the import: the engine reads it as lines (nothing split, so one bad line
 * cannot swallow the next), the lines are split into the header's fields, and the lines that cannot be read
 * or split are kept with their numbers for the report. Every data line is counted once: as staged or as bad.
 */
import type { Connector } from './connector';
import type { ImportLimits, SniffResult } from './loaders/sniff';
import { arrowRows } from './rows';
import {
  aliasViewQuery,
  badLineSamplesQuery,
  badLinesQuery,
  copyToTempTableQuery,
  engineRejectCountQuery,
  engineRejectsSnapshotQuery,
  lineCountsQuery,
  numberedLinesQuery,
  splitLinesQuery,
  stageFieldsQuery,
  stageLinesQuery,
} from './sql/import-queries';

/** Scratch names of one import (registered file, views and tables); all dropped by the caller. */
export interface DelimitedTextNames {
  file: string;
  lines: string;
  csvRejects: string;
  csvScan: string;
  csvRejectLines: string;
  numbered: string;
  split: string;
  badLines: string;
  fields: string;
  staging: string;
}

/** A line that could not be read or split, for the report. */
export interface BadLineSample {
  sourceRow: number;
  incidentId: null;
  date: null;
  time: null;
  lat: null;
  lon: null;
  detail: string;
  text: string | null;
}

/** What staging found: counts that add up (`rowsRead` = `stagedRows` + `badLineCount`), samples and notes. */
export interface StagedDelimitedText {
  /** Data records in the file (blank lines not counted). */
  rowsRead: number;
  /** Records split into the header's fields, staged in `names.staging`. */
  stagedRows: number;
  /** Records the engine could not read or that could not be split. */
  badLineCount: number;
  badLineSamples: BadLineSample[];
  /** Whether `names.staging` is a table (small files) or a view streaming from the file. */
  stagingIsTable: boolean;
  notes: string[];
}

/**
 * Stages the registered text file `names.file` (UTF-8) as `names.staging`: one text column per header name
 * plus the record and line number columns. Small files (up to `uncompressedScratchMaxRows` records) are split
 * once into a temporary table; larger ones stream from the file at every scan.
 */
export async function stageDelimitedText(
  db: Connector,
  names: DelimitedTextNames,
  sniff: SniffResult,
  limits: ImportLimits,
  uncompressedScratchMaxRows: number,
): Promise<StagedDelimitedText> {
  const notes: string[] = [];
  const headerLine = sniff.headerLine ?? 1;
  await db.query(
    stageLinesQuery({
      view: names.lines,
      file: names.file,
      rejectsTable: names.csvRejects,
      rejectsScan: names.csvScan,
      maxLineBytes: limits.maxLineBytes,
    }),
  );
  // Scan 1: counts the non-blank lines and collects the lines the engine cannot read at all.
  const counts = arrowRows(await db.query(lineCountsQuery(names.lines)))[0] ?? {};
  await db.query(engineRejectsSnapshotQuery(names.csvRejectLines, names.csvRejects));
  const engineRejects = Number(
    arrowRows(await db.query(engineRejectCountQuery(names.csvRejectLines, headerLine)))[0]?.n ?? 0,
  );
  const allEngineRejects = Number(
    arrowRows(await db.query(engineRejectCountQuery(names.csvRejectLines, -1)))[0]?.n ?? 0,
  );
  const anyEngineReject = allEngineRejects > 0;
  await db.query(
    numberedLinesQuery(names.numbered, names.lines, anyEngineReject ? names.csvRejectLines : null),
  );
  await db.query(
    splitLinesQuery({
      view: names.split,
      lines: names.numbered,
      headerLine,
      delimiter: sniff.delimiter!,
      columnCount: sniff.columns!.length,
    }),
  );
  // Scan 2: the lines that cannot be split, kept (few) for the report.
  await db.query(badLinesQuery(names.badLines, names.split));
  await db.query(stageFieldsQuery(names.fields, names.split, sniff.columns!, headerLine));
  const samples = arrowRows(
    await db.query(badLineSamplesQuery(names.badLines, names.csvRejectLines, headerLine)),
  );
  const badLineCount = Number(samples[0]?.total ?? 0);
  const splitProblems = badLineCount - engineRejects;
  // The header is one of the non-blank lines unless the engine could not read it.
  const headerReadable = allEngineRejects === engineRejects;
  const nonblank = Number(counts.nonblank ?? 0);
  const dataLines = nonblank - (headerReadable ? 1 : 0);
  const rowsRead = dataLines + engineRejects;
  const stagedRows = dataLines - splitProblems;
  // Small files are split once into a scratch table; large ones stream from the file at every scan.
  const stagingIsTable = stagedRows <= uncompressedScratchMaxRows;
  await db.query(
    stagingIsTable
      ? copyToTempTableQuery(names.staging, names.fields)
      : aliasViewQuery(names.staging, names.fields),
  );
  const badLineSamples = samples.map((r) => ({
    sourceRow: Number(r.line),
    incidentId: null,
    date: null,
    time: null,
    lat: null,
    lon: null,
    detail: badLineDetail(String(r.problem), r.found, sniff.columns!.length, limits.maxLineBytes),
    text: r.text === null || r.text === undefined ? null : String(r.text),
  }));
  if (badLineCount > 0) {
    const first = badLineSamples
      .map((r) => `line ${r.sourceRow}: ${r.detail} (“${(r.text ?? '').slice(0, 80)}”)`)
      .join('; ');
    notes.push(`${badLineCount} line(s) could not be split into columns and were left out: ${first}`);
  }
  return { rowsRead, stagedRows, badLineCount, badLineSamples, stagingIsTable, notes };
}

/** Why a line could not be split, in words. */
function badLineDetail(problem: string, found: unknown, expected: number, maxLineBytes: number): string {
  if (problem === 'fields') return `${Number(found)} fields where the header has ${expected}`;
  if (problem === 'quote') return 'a quote is not closed on this line, or stands inside an unquoted field';
  if (problem === 'INVALID ENCODING') return 'the line is not valid UTF-8 text';
  if (problem === 'LINE SIZE OVER MAXIMUM') return `the line is longer than ${maxLineBytes} bytes`;
  if (problem === 'TOO MANY COLUMNS') return 'the line contains the control character U+0001';
  return `the line could not be read (${problem.toLowerCase()})`;
}
