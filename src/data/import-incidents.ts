/**
 * Imports an incident file into the canonical incident table: sniff, stage, recognise the columns, parse,
 * recover coordinates, validate, and only then replace the target table, so that a file that fails leaves
 * every table already loaded as it was.
 */
import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { englishText } from '../analysis/messages/english';
import { type Message, msg } from '../analysis/messages/message';
import type { Connector } from './connector';
import {
  categoricalSourceColumns,
  checkDateFormat,
  chooseMapping,
  detectDateFormat,
  swappedDayMonth,
} from './import-columns';
import { blobChunks } from './line-endings';
import { geojsonPointsToArrowIpc } from './loaders/geojson-points';
import {
  IMPORT_LIMITS,
  ImportError,
  type ImportLimits,
  type SourceFormat,
  sniffSource,
  type TextEncodingName,
} from './loaders/sniff';
import { nearPreset, type Preset } from './presets';
import { arrowRows } from './rows';
import { type ColumnMapping, REJECT_REASON_LABELS, type RejectReason, rejectReasonMessage } from './schema';
import {
  applyRecoveredCoordinatesQuery,
  canonicalIncidentsQuery,
  countRowsQuery,
  dateOrderConflictQuery,
  describeTableQuery,
  dropTablesQuery,
  dropViewsQuery,
  FATAL_SPELLINGS,
  importChecksQuery,
  incidentSummaryQuery,
  LINE_COLUMN,
  NONFATAL_SPELLINGS,
  parseIncidentsQuery,
  ROW_COLUMN,
  rejectCountsQuery,
  rejectedRowsQuery,
  rejectSamplesQuery,
  replaceTableQuery,
  stagedRowCountQuery,
  stageNumberedQuery,
  stateplaneCandidatesQuery,
  unifyIncidentPlaceTimeQuery,
} from './sql/import-queries';
import { stageDelimitedText } from './stage-delimited-text';

/** A file to import: bytes (Node, tests, small files) or a browser Blob read lazily by the engine. */
export interface ImportSource {
  name: string;
  bytes?: Uint8Array;
  blob?: Blob;
}

/** How to read the source's columns. */
export interface ImportOptions {
  /** Table that receives the canonical incidents (replaced only when the import succeeds). */
  table: string;
  /** `auto` recognises a preset from the header and otherwise guesses; `generic` always uses `mapping`. */
  preset?: 'auto' | 'nypd' | 'demo' | 'generic';
  /** Column mapping; fields given here override the preset's or the guess. */
  mapping?: Partial<ColumnMapping>;
  /** A strptime format for the date column (e.g. `%d/%m/%Y`), or `epoch-seconds` / `epoch-milliseconds`. */
  dateFormat?: string;
  /** Latest acceptable date `YYYY-MM-DD`; default today (UTC). */
  today?: string;
  /** Called with a stage name and a fraction 0..1 of the whole import. */
  onProgress?: (stage: string, fraction: number) => void;
  /**
   * Up to this many source rows the parsed scratch table is written uncompressed: faster, and larger only for
   * the duration of the import. Default {@link UNCOMPRESSED_SCRATCH_MAX_ROWS}.
   */
  uncompressedScratchMaxRows?: number;
  /** Lower limits than {@link IMPORT_LIMITS} (for tests and small devices). */
  limits?: Partial<ImportLimits>;
}

/** Raw values of one rejected row, for the report. */
export interface RejectSample {
  sourceRow: number;
  incidentId: string | null;
  date: string | null;
  time: string | null;
  lat: string | null;
  lon: string | null;
  /** Why a line could not be split (malformed lines only), in English; `detailMessage` as a code. */
  detail?: string;
  detailMessage?: Message;
  /** The start of the line as written (malformed lines only). */
  text?: string | null;
}

/** Rows rejected for one reason. */
export interface RejectGroup {
  reason: RejectReason;
  label: string;
  count: number;
  samples: RejectSample[];
}

/** What an import did, for the app's report panel and the command line. */
export interface ImportReport {
  source: { name: string; format: SourceFormat; columns: string[]; delimiter?: string };
  preset: Preset['id'] | 'generic';
  presetName: string;
  /** The same name as a message code, when the interface words it itself (archives). */
  presetMessage?: Message;
  mapping: ColumnMapping;
  /** Unmapped categorical source columns kept for filtering (as `attr:<name>` in the table). */
  attributes: string[];
  dateFormat: string;
  rowsRead: number;
  victims: number;
  incidents: number;
  fatalVictims: number;
  fatalIncidents: number;
  firstDate: string | null;
  lastDate: string | null;
  bbox: [west: number, south: number, east: number, north: number] | null;
  recoveredFromStatePlane: number;
  withoutTime: number;
  rejected: RejectGroup[];
  rejectedTotal: number;
  /** Things the user should know, in English; `noteMessages` holds the same notes as codes, in order. */
  notes: string[];
  noteMessages?: Message[];
}

/** The result of a successful import. */
export interface ImportResult {
  table: string;
  report: ImportReport;
}

let importCounter = 0;

/**
 * Up to this many source rows, the parsed scratch table is written uncompressed (a few hundred MB at most,
 * freed at the end of the import), which saves about a sixth of the load time; larger sources are parsed
 * into the compressed catalog so that ten million incidents fit.
 */
export const UNCOMPRESSED_SCRATCH_MAX_ROWS = 2_000_000;

function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Loads one incident file into `options.table`.
 * @throws ImportError with one sentence saying what is wrong and what was expected; nothing loaded before is
 * changed in that case.
 */
export async function importIncidents(
  db: Connector,
  source: ImportSource,
  options: ImportOptions,
): Promise<ImportResult> {
  const progress = options.onProgress ?? (() => {});
  const n = ++importCounter;
  const names = {
    file: `__import_${n}_${source.name.replace(/[^A-Za-z0-9._-]/g, '_')}`,
    raw: `__import_${n}_raw`,
    staging: `__import_${n}_staging`,
    parsed: `__import_${n}_parsed`,
    recovered: `__import_${n}_recovered`,
    validated: `__import_${n}_validated`,
    result: `__import_${n}_result`,
    csvRejects: `__import_${n}_csv_rejects`,
    csvScan: `__import_${n}_csv_scan`,
    engineRejectLines: `__import_${n}_engine_reject_lines`,
    csvRejectLines: `__import_${n}_csv_reject_lines`,
    crLfEmpty: `__import_${n}_crlf_empty`,
    lines: `__import_${n}_lines`,
    linesRead: `__import_${n}_lines_read`,
    splitRead: `__import_${n}_split_read`,
    numbered: `__import_${n}_numbered`,
    split: `__import_${n}_split`,
    fields: `__import_${n}_fields`,
    badLines: `__import_${n}_bad_lines`,
    recordRanges: `__import_${n}_record_ranges`,
    recordMembers: `__import_${n}_record_members`,
    records: `__import_${n}_records`,
    unified: `__import_${n}_unified`,
  };
  const scratch = [
    names.raw,
    names.parsed,
    names.recovered,
    names.validated,
    names.result,
    names.csvRejects,
    names.csvScan,
    names.engineRejectLines,
    names.csvRejectLines,
    names.crLfEmpty,
    names.unified,
    names.badLines,
    names.recordRanges,
    names.recordMembers,
    names.splitRead,
    names.linesRead,
  ];
  let registered = false;
  try {
    progress('reading', 0);
    const limits: ImportLimits = { ...IMPORT_LIMITS, ...options.limits };
    const size = source.bytes ? source.bytes.length : source.blob!.size;
    const head = source.bytes
      ? source.bytes.subarray(0, 65536)
      : new Uint8Array(await source.blob!.slice(0, 65536).arrayBuffer());
    const sniff = sniffSource(source.name, head, size, limits);
    const notes: Message[] = [...(sniff.notes ?? [])];
    const inMemory = sniff.format === 'geojson' || sniff.format === 'arrow' || sniff.encoding !== 'utf-8';
    if (sniff.format !== 'parquet' && inMemory && size > limits.maxInMemoryBytes) {
      const code =
        sniff.format === 'csv'
          ? 'data:error.tooBigText'
          : sniff.format === 'arrow'
            ? 'data:error.tooBigArrow'
            : 'data:error.tooBigGeojson';
      throw new ImportError(
        msg(code, {
          name: source.name,
          size: { num: size, as: 'bytes' },
          limit: { num: limits.maxInMemoryBytes, as: 'bytes' },
        }),
      );
    }

    progress('parsing', 0.1);
    let badLineCount = 0;
    let stagedRows = 0;
    let rowsRead = 0;
    let badLineSamples: RejectSample[] = [];
    if (sniff.format === 'csv') {
      const text = sniff.encoding === 'utf-8' ? null : utf8Of(await sourceBytes(source), sniff.encoding!);
      if (text) await db.registerFile(names.file, text);
      else if (source.blob && db.registerFileHandle) await db.registerFileHandle(names.file, source.blob);
      else await db.registerFile(names.file, await sourceBytes(source));
      registered = true;
      const staged = await stageDelimitedText(
        db,
        names,
        sniff,
        limits,
        options.uncompressedScratchMaxRows ?? UNCOMPRESSED_SCRATCH_MAX_ROWS,
        () => (text ? oneChunk(text) : source.blob ? blobChunks(source.blob) : oneChunk(source.bytes!)),
        text ? text.length : size,
      );
      ({ badLineCount, stagedRows, rowsRead, badLineSamples } = staged);
      notes.push(...staged.notes);
    } else {
      try {
        if (sniff.format === 'parquet') {
          // One row group in memory at a time: each is appended to the raw table as it is decoded.
          let groups = 0;
          for await (const ipc of db.parquetRowGroups(sourceBlob(source)))
            await db.insertArrowIpc(names.raw, ipc, { append: groups++ > 0 });
          if (groups === 0) throw new ImportError(msg('data:error.parquetEmpty', { name: source.name }));
        } else {
          await db.insertArrowIpc(names.raw, await toArrowIpc(source, sniff.format));
        }
      } catch (error) {
        if (error instanceof ImportError || sniff.format === 'geojson') throw error;
        const detail = (error instanceof Error ? error.message : String(error)).split('\n')[0]!;
        throw new ImportError(
          msg(sniff.format === 'parquet' ? 'data:error.parquetDamaged' : 'data:error.arrowDamaged', {
            name: source.name,
            detail,
          }),
        );
      }
      await db.query(stageNumberedQuery(names.staging, names.raw));
      stagedRows = Number(arrowRows(await db.query(stagedRowCountQuery(names.staging)))[0]?.n ?? 0);
      rowsRead = stagedRows;
    }
    if (stagedRows === 0) {
      const first = badLineSamples[0];
      throw new ImportError(
        badLineCount > 0
          ? msg('data:error.noLineSplit', {
              name: source.name,
              columns: sniff.columns?.length ?? 0,
              first: first
                ? msg('data:badLine.first', { line: String(first.sourceRow), detail: first.detailMessage! })
                : '',
            })
          : msg('data:error.noDataRows', { name: source.name }),
      );
    }
    const columns = arrowRows(await db.query(describeTableQuery(names.staging)))
      .map((r) => String(r.column_name))
      .filter((c) => c !== ROW_COLUMN && c !== LINE_COLUMN);

    const { mapping, preset } = chooseMapping(source.name, columns, options);
    if (options.dateFormat) await checkDateFormat(db, options.dateFormat);
    const near = preset ? null : nearPreset(columns);
    if (near && (options.preset ?? 'auto') === 'auto') {
      const ownIncidents =
        near.preset.rowsAreVictims && near.missing.includes(near.preset.mapping.incidentId ?? '');
      const consequence = `data:note.guessed${ownIncidents ? 'OwnIncidents' : ''}${near.preset.mapping.stateX ? 'NoStatePlane' : ''}`;
      notes.push(
        msg('data:note.nearPreset', {
          count: near.missing.length,
          preset: near.preset.name,
          missing: near.missing.join(', '),
          consequence: msg(consequence),
        }),
      );
    }
    const attributes = await categoricalSourceColumns(db, names.staging, columns, mapping);
    const dateFormat =
      options.dateFormat ?? preset?.dateFormat ?? (await detectDateFormat(db, names.staging, mapping));

    progress('mapping', 0.4);
    await db.query(
      parseIncidentsQuery({
        target: names.parsed,
        temporary: stagedRows <= (options.uncompressedScratchMaxRows ?? UNCOMPRESSED_SCRATCH_MAX_ROWS),
        staging: names.staging,
        mapping,
        dateFormat,
        lineNumbers: sniff.format === 'csv',
        attributes,
        sourceColumns: columns,
      }),
    );

    progress('recovering coordinates', 0.6);
    if (mapping.stateX && mapping.stateY) await recoverStatePlane(db, names.parsed, names.recovered);

    progress('validating', 0.75);
    const today = options.today ?? todayUtc();
    // One scan for the report's checks; the rejected rows are collected only when there are some.
    const quality = arrowRows(await db.query(importChecksQuery(names.parsed, today)))[0] ?? {};
    let rejected: RejectGroup[] = [];
    if (Number(quality.rejected) > 0) {
      await db.query(rejectedRowsQuery(names.parsed, names.validated, today));
      rejected = await rejectGroups(db, names.validated, names.staging, mapping);
    }
    const unparsableDates = rejected.find((g) => g.reason === 'unparsable_date')?.count ?? 0;
    const swapped = swappedDayMonth(dateFormat);
    if (unparsableDates > 0 && swapped) {
      const conflict = arrowRows(
        await db.query(dateOrderConflictQuery(names.staging, mapping.date, dateFormat, swapped)),
      )[0];
      const other = Number(conflict?.other_order ?? 0);
      if (other > 0)
        notes.push(
          msg(swapped.startsWith('%d') ? 'data:note.dateOrderDayFirst' : 'data:note.dateOrderMonthFirst', {
            count: other,
            example: String(conflict!.example),
            format: dateFormat,
          }),
        );
    }
    const examples = (v: unknown) =>
      Array.from((v as { toArray(): unknown[] } | null)?.toArray?.() ?? [])
        .map((x) => `"${String(x)}"`)
        .join(', ');
    if (Number(quality.bad_times) > 0)
      notes.push(
        msg('data:note.badTimes', {
          count: Number(quality.bad_times),
          examples: examples(quality.time_examples),
        }),
      );
    if (Number(quality.bad_fatal) > 0)
      notes.push(
        msg('data:note.badFatal', {
          count: Number(quality.bad_fatal),
          examples: examples(quality.fatal_examples),
          fatal: FATAL_SPELLINGS.slice(0, 6).join('/'),
          nonfatal: NONFATAL_SPELLINGS.slice(0, 6).join('/'),
        }),
      );
    if (Number(quality.copies) > 0)
      notes.push(
        msg(preset?.rowsAreVictims ? 'data:note.copiesVictims' : 'data:note.copiesRows', {
          count: Number(quality.copies),
        }),
      );
    if (Number(quality.antarctic) > Number(quality.n) / 2)
      notes.push(msg('data:note.antarctic', { south: Number(quality.antarctic), total: Number(quality.n) }));
    const unrecognisedAges = Number(quality.ages ?? 0);
    // Large files: free the text copy before the canonical table is written, halving peak memory.
    await db.query(dropViewsQuery([names.staging]));
    await db.query(dropTablesQuery([names.splitRead, names.linesRead]));
    await db.query(dropTablesQuery([names.raw]));
    await db.query(canonicalIncidentsQuery(names.parsed, names.result, today, attributes));
    await db.query(dropTablesQuery([names.parsed]));
    if (mapping.incidentId) {
      await db.query(unifyIncidentPlaceTimeQuery(names.result, names.unified));
      const unified = Number(arrowRows(await db.query(countRowsQuery(names.unified)))[0]?.n ?? 0);
      if (unified > 0) notes.push(msg('data:note.unified', { count: unified }));
    }

    if (badLineCount > 0) {
      rejected.unshift({
        reason: 'malformed_line',
        label: REJECT_REASON_LABELS.malformed_line,
        count: badLineCount,
        samples: badLineSamples,
      });
    }
    const summary = arrowRows(await db.query(incidentSummaryQuery(names.result)))[0]!;
    const victims = Number(summary.victims);
    const rejectedTotal = rejected.reduce((s, g) => s + g.count, 0);
    if (victims === 0) {
      const top = rejected[0];
      throw new ImportError(
        top
          ? msg('data:error.noneUsableBecause', {
              count: rejectedTotal,
              name: source.name,
              reason: rejectReasonMessage(top.reason),
              rows: top.count,
            })
          : msg('data:error.noneUsable', { count: rejectedTotal, name: source.name }),
      );
    }
    if (unrecognisedAges > 0) notes.push(msg('data:note.ages', { count: unrecognisedAges }));

    progress('saving', 0.95);
    await db.query(replaceTableQuery(names.result, options.table));
    progress('done', 1);
    const bboxKnown = summary.west !== null && summary.west !== undefined;
    return {
      table: options.table,
      report: {
        source: { name: source.name, format: sniff.format, columns, delimiter: sniff.delimiter },
        preset: preset?.id ?? 'generic',
        presetName: preset?.name ?? 'Generic column mapping',
        mapping,
        attributes,
        dateFormat,
        rowsRead,
        victims,
        incidents: Number(summary.incidents),
        fatalVictims: Number(summary.fatal_victims),
        fatalIncidents: Number(summary.fatal_incidents),
        firstDate: (summary.first_date as string | null) ?? null,
        lastDate: (summary.last_date as string | null) ?? null,
        bbox: bboxKnown
          ? [Number(summary.west), Number(summary.south), Number(summary.east), Number(summary.north)]
          : null,
        recoveredFromStatePlane: Number(summary.recovered_state_plane),
        withoutTime: Number(summary.without_time),
        rejected,
        rejectedTotal,
        notes: notes.map(englishText),
        ...(notes.length > 0 ? { noteMessages: notes } : {}),
      },
    };
  } catch (error) {
    throw asImportError(error, source.name);
  } finally {
    await db.query(dropTablesQuery([names.staging])).catch(() => {});
    await db.query(dropViewsQuery([names.staging])).catch(() => {});
    await db
      .query(dropViewsQuery([names.fields, names.split, names.records, names.numbered, names.lines]))
      .catch(() => {});
    await db.query(dropTablesQuery(scratch)).catch(() => {});
    if (registered) await db.dropFile(names.file).catch(() => {});
  }
}

/** Text in another encoding as UTF-8 bytes (byte-order marks dropped). */
function utf8Of(bytes: Uint8Array, encoding: TextEncodingName): Uint8Array {
  return new TextEncoder().encode(new TextDecoder(encoding).decode(bytes).replace(/^\ufeff+/, ''));
}

async function sourceBytes(source: ImportSource): Promise<Uint8Array> {
  if (source.bytes) return source.bytes;
  return new Uint8Array(await source.blob!.arrayBuffer());
}

async function* oneChunk(bytes: Uint8Array): AsyncIterable<Uint8Array> {
  yield bytes;
}

/** The source as a Blob (Parquet is read from it by byte ranges). */
function sourceBlob(source: ImportSource): Blob {
  return source.blob ?? new Blob([source.bytes! as Uint8Array<ArrayBuffer>]);
}

/** GeoJSON points or Arrow as one Arrow IPC stream. */
async function toArrowIpc(source: ImportSource, format: SourceFormat): Promise<Uint8Array> {
  const bytes = await sourceBytes(source);
  if (format === 'geojson') return geojsonPointsToArrowIpc(source.name, new TextDecoder().decode(bytes));
  // Arrow files and streams both become a stream, the form DuckDB-WASM inserts.
  return tableToIPC(tableFromIPC(bytes), 'stream');
}

async function recoverStatePlane(db: Connector, parsed: string, recoveredTable: string): Promise<void> {
  const candidates = await db.query(stateplaneCandidatesQuery(parsed));
  if (candidates.numRows === 0) return;
  const x = Float64Array.from(candidates.getChild('state_x')!.toArray() as ArrayLike<number>);
  const y = Float64Array.from(candidates.getChild('state_y')!.toArray() as ArrayLike<number>);
  const rowId = candidates.getChild('row_id')!.toArray() as BigInt64Array;
  const lon = new Float64Array(x.length);
  const lat = new Float64Array(x.length);
  // proj4 is loaded only for the files that need it.
  const { stateplaneToLonLat } = await import('../geo/state-plane');
  stateplaneToLonLat(x, y, { lon, lat });
  await db.insertArrowIpc(recoveredTable, tableToIPC(tableFromArrays({ row_id: rowId, lon, lat }), 'stream'));
  await db.query(applyRecoveredCoordinatesQuery(parsed, recoveredTable));
}

async function rejectGroups(
  db: Connector,
  rejected: string,
  staging: string,
  mapping: ColumnMapping,
): Promise<RejectGroup[]> {
  const counts = arrowRows(await db.query(rejectCountsQuery(rejected)));
  if (counts.length === 0) return [];
  // Re-reads the source (a view) once, only when something was rejected.
  const samples = arrowRows(await db.query(rejectSamplesQuery(rejected, staging, mapping)));
  return counts.map((c) => {
    const reason = String(c.reason) as RejectReason;
    return {
      reason,
      label: REJECT_REASON_LABELS[reason],
      count: Number(c.n),
      samples: samples
        .filter((s) => s.reason === reason)
        .map((s) => ({
          sourceRow: Number(s.source_row),
          incidentId: (s.incident_id as string | null) ?? null,
          date: (s.date_raw as string | null) ?? null,
          time: (s.time_raw as string | null) ?? null,
          lat: (s.lat_raw as string | null) ?? null,
          lon: (s.lon_raw as string | null) ?? null,
        })),
    };
  });
}

function asImportError(error: unknown, name: string): Error {
  if (error instanceof ImportError) return error;
  // Engine messages name the scratch copies (__import_<n>_…); the user knows only their file.
  const message = (error instanceof Error ? error.message : String(error))
    .split('\n')[0]!
    .replace(/"?__import_\d+_[^\s"]*"?/g, 'the file');
  if (/sniffing file|CSV Error|Could not convert|unterminated/i.test(message)) {
    return new ImportError(msg('data:error.unreadableText', { name, detail: message }));
  }
  return new ImportError(msg('data:error.unreadable', { name, detail: message }));
}
