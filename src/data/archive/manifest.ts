/**
 * The archive manifest (`manifest.json`, `docs/ARCHIVE.md`): what an archive holds and where, versioned so
 * that readers can refuse a layout they do not know. Pure: parsing, checking and choosing partitions.
 */

import { type Message, msg } from '../../analysis/messages/message';
import type { ImportReport } from '../import-incidents';
import { ImportError } from '../loaders/sniff';

/** The layout version this code writes and reads. */
export const ARCHIVE_SCHEMA_VERSION = 1;

/** The `format` field of every manifest. */
export const ARCHIVE_FORMAT = 'cvi-atlas-archive';

/** Counts in the four measures. */
export interface ArchiveCounts {
  /** Rows (one per victim where the source lists victims). */
  victims: number;
  /** Distinct `incident_id`. */
  incidents: number;
  fatalVictims: number;
  fatalIncidents: number;
}

/** One Parquet file of incidents. */
export interface ArchivePartition {
  /** Path relative to the manifest, `/`-separated, e.g. `incidents/year=2019/part-0.parquet`. */
  path: string;
  /** Hive partition values of the path, e.g. `{ "year": 2019 }`. */
  values: Record<string, string | number>;
  bytes: number;
  rows: number;
  incidents: number;
  rowGroups: number;
  firstDate: string;
  lastDate: string;
}

/** One summary table, written as Parquet. */
export interface ArchiveSummaryTable {
  name: 'by_month_cell' | 'by_month_hour_weekday' | 'by_month_attribute' | 'by_month_area';
  path: string;
  bytes: number;
  rows: number;
}

/** A source file the archive was built from, with its import report. */
export interface ArchiveSource {
  name: string;
  bytes: number;
  /** Added to the source's row ids so they stay unique across sources (0 for the first). */
  rowIdShift: number;
  /** The import report, when the archive was written by CVI Atlas (other writers may leave it out). */
  report?: ImportReport;
}

/** A boundary layer summarised in `by_month_area`. */
export interface ArchiveBoundary {
  name: string;
  idProperty: string;
  features: number;
}

/** The manifest of an archive. */
export interface ArchiveManifest {
  format: typeof ARCHIVE_FORMAT;
  schemaVersion: number;
  createdAt: string;
  counts: ArchiveCounts;
  firstDate: string;
  lastDate: string;
  /** West, south, east, north in WGS84 degrees. */
  bbox: [number, number, number, number];
  /** Hive partition keys in path order (`["year"]`, or `[]` for one file). */
  partitionKeys: string[];
  /** Columns of every incident file, in order, with their DuckDB types. */
  columns: { name: string; type: string }[];
  /** The `h3` column: an H3 cell index (BIGINT) at this resolution; coarser cells are bit arithmetic. */
  h3Resolution: number;
  /** Within a file, rows are sorted by these columns. */
  sortedBy: string[];
  partitions: ArchivePartition[];
  /** Summary tables and the H3 resolution of `by_month_cell`; absent when built without summaries. */
  summaries: {
    cellResolution: number;
    tables: ArchiveSummaryTable[];
    /** The first screen's data as one small JSON file ({@link FirstScreen}), read before any engine starts. */
    firstScreen?: { path: string; bytes: number };
  } | null;
  boundaries: ArchiveBoundary[];
  sources: ArchiveSource[];
}

function fail(where: string, why: Message): never {
  throw new ImportError(msg('data:manifest.invalid', { where, why: { clause: why } }));
}

/**
 * Parses and checks a manifest's text. `where` names it in messages (a path or URL).
 * @throws ImportError saying what is wrong: not JSON, another format, a newer layout, a missing field.
 */
export function parseManifest(text: string, where: string): ArchiveManifest {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(where, msg('data:manifest.notJson', { detail: (error as Error).message }));
  }
  const m = value as Partial<ArchiveManifest>;
  if (!m || typeof m !== 'object' || m.format !== ARCHIVE_FORMAT)
    fail(where, msg('data:manifest.format', { format: ARCHIVE_FORMAT }));
  if (typeof m.schemaVersion !== 'number') fail(where, msg('data:manifest.noSchemaVersion'));
  if (m.schemaVersion > ARCHIVE_SCHEMA_VERSION) {
    throw new ImportError(
      msg('data:manifest.newer', {
        where,
        version: String(m.schemaVersion),
        supported: String(ARCHIVE_SCHEMA_VERSION),
      }),
    );
  }
  if (!Array.isArray(m.partitions) || m.partitions.length === 0)
    fail(where, msg('data:manifest.noPartitions'));
  for (const p of m.partitions) {
    if (typeof p?.path !== 'string' || p.path.startsWith('/') || p.path.split('/').includes('..')) {
      fail(where, msg('data:manifest.partitionPath', { path: JSON.stringify(p?.path) }));
    }
  }
  if (!m.counts || !Array.isArray(m.columns)) fail(where, msg('data:manifest.noCounts'));
  return m as ArchiveManifest;
}

/**
 * The partitions whose dates overlap `from`…`to` (`YYYY-MM-DD`, each optional), in manifest order. Every
 * partition when neither is given.
 */
export function partitionsFor(
  manifest: ArchiveManifest,
  range: { from?: string; to?: string } = {},
): ArchivePartition[] {
  return manifest.partitions.filter(
    (p) => (!range.from || p.lastDate >= range.from) && (!range.to || p.firstDate <= range.to),
  );
}

/**
 * What the first screen draws before the engine is ready (`summaries/first-screen.json`): counts per
 * (month index, bin) in the four measures, as flat arrays of six numbers per entry
 * `[m, b, incidents, victims, fatalIncidents, fatalVictims]`. Month 0 is `firstMonth`.
 */
export interface FirstScreen {
  firstMonth: string;
  monthCount: number;
  /** Bin 0 only: the month totals. */
  time: number[];
  /** Bin = (weekday − 1) × 24 + hour, 168 for an unknown hour. */
  hourWeekday: number[];
  /** H3 cells at `cellResolution`; bin = index into `cells`. */
  cellResolution: number;
  cells: string[];
  byCell: number[];
}
