/**
 * Stages a delimited text file for the import: the engine reads it as lines (nothing split, so one bad line
 * cannot swallow the next); lines joined by a quoted field with line breaks become one record (RFC 4180);
 * the records are split into the header's fields, and those that cannot be read or split are kept with
 * their numbers for the report. Every record is counted once, as staged or as bad, and is named by its
 * first line. A quote that is not closed within {@link ImportLimits.maxRecordLines} lines (or before an
 * unreadable line or the end of the file) is unbalanced: its line alone is rejected and reading
 * resynchronises on the next line, so one stray quote never swallows the rest of the file.
 */

import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { englishText } from '../analysis/messages/english';
import { type Message, msg } from '../analysis/messages/message';
import type { Connector } from './connector';
import { crLfEmptyLines } from './line-endings';
import type { ImportLimits, SniffResult } from './loaders/sniff';
import { arrowRows } from './rows';
import {
  aliasViewQuery,
  badLineSamplesQuery,
  badLinesQuery,
  dropTablesQuery,
  editorRejectLinesQuery,
  engineRejectCountQuery,
  engineRejectsSnapshotQuery,
  lineCountsQuery,
  numberedLinesQuery,
  readLinesOnceQuery,
  readSplitOnceQuery,
  stageFieldsQuery,
  stageLinesQuery,
} from './sql/import-queries';
import {
  multiLineCountsQuery,
  oddQuoteLinesAggregate,
  oddQuoteLinesQuery,
  recordMembersQuery,
  recordsQuery,
  splitRecordsQuery,
} from './sql/record-queries';

/** Scratch names of one import (registered file, views and tables); all dropped by the caller. */
export interface DelimitedTextNames {
  file: string;
  lines: string;
  /** The lines read into memory once (small files), and the records split once. */
  linesRead: string;
  splitRead: string;
  csvRejects: string;
  csvScan: string;
  /** The engine's rejected lines in its own numbering, and renumbered as an editor counts (`csvRejectLines`). */
  engineRejectLines: string;
  csvRejectLines: string;
  /** The empty lines the engine reads inside CR LF line ends (see `line-endings.ts`). */
  crLfEmpty: string;
  numbered: string;
  split: string;
  badLines: string;
  fields: string;
  staging: string;
  recordRanges: string;
  recordMembers: string;
  records: string;
}

/**
 * A file up to `uncompressedScratchMaxRows` × this many bytes is read into memory once (a typical incident
 * line is 50-200 bytes, so that is at most about that many records).
 */
const SCAN_BYTES_PER_ROW = 64;

/** A data line with an odd number of quotes (`opens`: it can open a multi-line record), or an unreadable line (`opens` null). */
export interface OddQuoteLine {
  line: number;
  opens: boolean | null;
}

/** Which lines form multi-line records, and which opening lines are unbalanced quotes. */
export interface RecordPlan {
  /** First and last physical line of each record that spans several lines, in order. */
  ranges: [start: number, stop: number][];
  /** Lines whose quote was not closed in time: each is a bad record of its own. */
  runaways: number[];
}

/**
 * Groups lines into records from the lines with an odd number of quotes, in order: a line that can open a
 * record is joined with the lines up to the next odd line, provided that one comes within `maxRecordLines`
 * lines (counting both) and no unreadable line comes first; otherwise the opening line is a runaway and the
 * lines after it are read afresh (the odd line that came too late may open a record itself).
 */
export function planRecords(odd: readonly OddQuoteLine[], maxRecordLines: number): RecordPlan {
  const plan: RecordPlan = { ranges: [], runaways: [] };
  let open: number | null = null;
  for (const { line, opens } of odd) {
    if (open !== null) {
      if (opens !== null && line - open + 1 <= maxRecordLines) {
        plan.ranges.push([open, line]);
        open = null;
        continue;
      }
      plan.runaways.push(open);
      open = null;
    }
    if (opens === true) open = line;
  }
  if (open !== null) plan.runaways.push(open);
  return plan;
}

/** A line that could not be read or split, for the report. */
export interface BadLineSample {
  sourceRow: number;
  incidentId: null;
  date: null;
  time: null;
  lat: null;
  lon: null;
  /** Why, in English; `detailMessage` is the same as a code for the interface's language. */
  detail: string;
  detailMessage: Message;
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
  notes: Message[];
}

/**
 * Stages the registered text file `names.file` (UTF-8) as `names.staging`: one text column per header name
 * plus the record and line number columns. Small files (up to `uncompressedScratchMaxRows` records) are read
 * into memory once and split into a temporary table; larger ones are read from the file by the scans that
 * number the lines and find multi-line records, then split once into a compressed table. `fileChunks` reads the same
 * bytes from the start; it is used only when the engine reads empty lines (to number lines after CR LF).
 */
export async function stageDelimitedText(
  db: Connector,
  names: DelimitedTextNames,
  sniff: SniffResult,
  limits: ImportLimits,
  uncompressedScratchMaxRows: number,
  fileChunks: () => AsyncIterable<Uint8Array>,
  fileBytes: number,
): Promise<StagedDelimitedText> {
  const notes: Message[] = [];
  const headerLine = sniff.headerLine ?? 1;
  // Small files are read from the file once, into memory, and every later step reads the lines there
  // (the record count is not known yet, so the file's size decides).
  const inMemory = fileBytes <= uncompressedScratchMaxRows * SCAN_BYTES_PER_ROW;
  const source = {
    file: names.file,
    rejectsTable: names.csvRejects,
    rejectsScan: names.csvScan,
    maxLineBytes: limits.maxLineBytes,
  };
  await db.query(
    inMemory
      ? readLinesOnceQuery({ ...source, table: names.linesRead, view: names.lines })
      : stageLinesQuery({ ...source, view: names.lines }),
  );
  // Scan 1: counts the non-blank lines and collects the lines the engine cannot read at all.
  const lines = names.lines;
  const counts =
    arrowRows(
      await db.query(lineCountsQuery(lines, oddQuoteLinesAggregate(headerLine, sniff.delimiter!))),
    )[0] ?? {};
  await db.query(engineRejectsSnapshotQuery(names.engineRejectLines, names.csvRejects));
  // An empty line may be the engine's reading of a CR LF: only then are the bytes read to tell.
  const blankLines = Number(counts.readable ?? 0) - Number(counts.nonblank ?? 0);
  const crLfEmpty = blankLines > 0 ? await crLfEmptyLines(fileChunks()) : [];
  if (crLfEmpty.length > 0)
    await db.insertArrowIpc(
      names.crLfEmpty,
      tableToIPC(tableFromArrays({ line: Float64Array.from(crLfEmpty) }), 'stream'),
    );
  const crLfTable = crLfEmpty.length > 0 ? names.crLfEmpty : null;
  await db.query(editorRejectLinesQuery(names.csvRejectLines, names.engineRejectLines, crLfTable));
  const engineRejects = Number(
    arrowRows(await db.query(engineRejectCountQuery(names.csvRejectLines, headerLine)))[0]?.n ?? 0,
  );
  const allEngineRejects = Number(
    arrowRows(await db.query(engineRejectCountQuery(names.csvRejectLines, -1)))[0]?.n ?? 0,
  );
  const anyEngineReject = allEngineRejects > 0;
  await db.query(
    numberedLinesQuery(names.numbered, lines, anyEngineReject ? names.engineRejectLines : null, crLfTable),
  );
  // Quoted fields with line breaks: which lines form one record. The first scan found them in the engine's
  // numbering; when that is not an editor's, they are found again in the editor's (an extra scan).
  const oddRows =
    anyEngineReject || crLfTable
      ? arrowRows(
          await db.query(
            oddQuoteLinesQuery({
              lines: names.numbered,
              rejects: anyEngineReject ? names.csvRejectLines : null,
              headerLine,
              delimiter: sniff.delimiter!,
            }),
          ),
        )
      : oddListRows(counts.odd);
  const odd = oddRows.map((r) => ({
    line: Number(r.line),
    opens: r.opens === null ? null : Boolean(r.opens),
  }));
  const plan = planRecords(odd, limits.maxRecordLines);
  const multi = { records: 0, nonblank: 0 };
  const grouped = plan.ranges.length + plan.runaways.length > 0;
  if (grouped) {
    const ranges = [...plan.ranges.map((r) => [...r, 0]), ...plan.runaways.map((l) => [l, l, 1])];
    await db.insertArrowIpc(
      names.recordRanges,
      tableToIPC(
        tableFromArrays({
          start: Float64Array.from(ranges, (r) => r[0]!),
          stop: Float64Array.from(ranges, (r) => r[1]!),
          runaway: Int32Array.from(ranges, (r) => r[2]!),
        }),
        'stream',
      ),
    );
    await db.query(recordMembersQuery(names.recordMembers, names.recordRanges));
    const row = arrowRows(await db.query(multiLineCountsQuery(names.numbered, names.recordMembers)))[0];
    multi.records = Number(row?.records ?? 0);
    multi.nonblank = Number(row?.nonblank ?? 0);
  }
  await db.query(recordsQuery(names.records, names.numbered, grouped ? names.recordMembers : null));
  await db.query(
    splitRecordsQuery({
      view: names.split,
      records: names.records,
      headerLine,
      delimiter: sniff.delimiter!,
      columnCount: sniff.columns!.length,
      maxRecordBytes: limits.maxLineBytes,
    }),
  );
  await db.query(readSplitOnceQuery(names.splitRead, names.split, sniff.columns!.length, inMemory));
  const split = names.splitRead;
  // Scan 2: the lines that cannot be split, kept (few) for the report.
  await db.query(badLinesQuery(names.badLines, split));
  await db.query(stageFieldsQuery(names.fields, split, sniff.columns!, headerLine));
  const samples = arrowRows(
    await db.query(badLineSamplesQuery(names.badLines, names.csvRejectLines, headerLine)),
  );
  const badLineCount = Number(samples[0]?.total ?? 0);
  // The split records hold all that is needed from here on: the lines' copy is freed.
  if (inMemory) await db.query(dropTablesQuery([names.linesRead]));
  const splitProblems = badLineCount - engineRejects;
  // The header is one of the non-blank lines unless the engine could not read it.
  const headerReadable = allEngineRejects === engineRejects;
  const nonblank = Number(counts.nonblank ?? 0);
  // A record of several lines counts once (its blank lines were never counted).
  const dataLines = nonblank - (headerReadable ? 1 : 0) - multi.nonblank + multi.records;
  const rowsRead = dataLines + engineRejects;
  const stagedRows = dataLines - splitProblems;
  // The split records are only given their column names (no second copy).
  await db.query(aliasViewQuery(names.staging, names.fields));
  const badLineSamples = samples.map((r) => {
    const detailMessage = badLineDetail(String(r.problem), r.found, sniff.columns!.length, limits);
    return {
      sourceRow: Number(r.line),
      incidentId: null,
      date: null,
      time: null,
      lat: null,
      lon: null,
      detail: englishText(detailMessage),
      detailMessage,
      text: r.text === null || r.text === undefined ? null : String(r.text).replace(/\r?\n/g, ' ⏎ '),
    };
  });
  if (badLineCount > 0) {
    const list = badLineSamples.map((r) =>
      msg('data:badLine.sample', {
        line: String(r.sourceRow),
        detail: r.detailMessage,
        text: (r.text ?? '').slice(0, 80),
      }),
    );
    notes.push(msg('data:note.badLines', { count: badLineCount, samples: { list, join: '; ' } }));
  }
  if (multi.records > 0) notes.push(msg('data:note.multiLine', { count: multi.records }));
  return { rowsRead, stagedRows, badLineCount, badLineSamples, notes };
}

/** The `{line, opens}` items of a list the engine returned (an Arrow vector of structs, or NULL). */
function oddListRows(list: unknown): { line: unknown; opens: unknown }[] {
  if (list === null || list === undefined) return [];
  return [...(list as Iterable<{ toJSON(): { line: unknown; opens: unknown } }>)].map((r) => r.toJSON());
}

/** Why a record could not be split, as a message. */
function badLineDetail(problem: string, found: unknown, expected: number, limits: ImportLimits): Message {
  const { maxLineBytes, maxRecordLines } = limits;
  if (problem === 'fields') return msg('data:badLine.fields', { found: Number(found), expected });
  if (problem === 'quote') return msg('data:badLine.quote');
  if (problem === 'unclosed') return msg('data:badLine.unclosed', { maxRecordLines });
  if (problem === 'long') return msg('data:badLine.long', { maxLineBytes });
  if (problem === 'INVALID ENCODING') return msg('data:badLine.encoding');
  if (problem === 'LINE SIZE OVER MAXIMUM') return msg('data:badLine.tooLong', { maxLineBytes });
  if (problem === 'TOO MANY COLUMNS') return msg('data:badLine.control');
  return msg('data:badLine.unreadable', { problem: problem.toLowerCase() });
}
