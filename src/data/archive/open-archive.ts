/**
 * Reads an archive (`docs/ARCHIVE.md`) into a canonical incident table: the manifest, then the partitions a
 * date range needs, one Parquet row group at a time. The table is replaced only when every partition was
 * read, so a failure leaves what was loaded before as it was.
 */

import { englishText } from '../../analysis/messages/english';
import { msg } from '../../analysis/messages/message';
import type { Connector } from '../connector';
import type { ImportReport, RejectGroup } from '../import-incidents';
import { ImportError } from '../loaders/sniff';
import { arrowRows } from '../rows';
import { appendRowsQuery } from '../sql/archive-queries';
import { dropTablesQuery, incidentSummaryQuery, replaceTableQuery } from '../sql/import-queries';
import { type ArchiveManifest, type ArchivePartition, parseManifest, partitionsFor } from './manifest';
import type { RangedFile } from './ranged-file';
import { ArchiveCancelled, type ArchiveLocation } from './url-location';

export {
  ArchiveCancelled,
  type ArchiveLocation,
  archiveFileUrl,
  describeFetchFailure,
  fetchArchiveFile,
  redactUrl,
  type UrlLocationOptions,
  urlArchiveLocation,
} from './url-location';

/** What loading an archive did. */
export interface ArchiveLoad {
  table: string;
  manifest: ArchiveManifest;
  partitions: ArchivePartition[];
  /** Bytes of the partition files transferred (for a file read by range, only the ranges read). */
  bytesRead: number;
  /** Row groups read and in all of the partitions read by range (both 0 when none was). */
  rowGroups: { partitions: number; read: number; total: number };
  report: ImportReport;
}

let loadCounter = 0;

/**
 * Partition files requested ahead of the one being read, so that reading one partition into the engine
 * overlaps the download of the next ones (six: the connections a browser opens to one server at a time;
 * fewer when they would hold more than {@link BYTES_AHEAD}).
 */
export const PARTITIONS_AHEAD = 6;

/** Most bytes (by the manifest) of the files requested ahead, so large partitions are not all held at once. */
export const BYTES_AHEAD = 64 * 2 ** 20;

/**
 * Whether a partition is read by range: the load asks for dates, the location can read ranges, the file has
 * more than one row group, and the dates cover only part of it (a partition wholly inside the dates is
 * fetched whole: one request).
 */
function readsByRange(location: ArchiveLocation, p: ArchivePartition, dates: { from?: string; to?: string }) {
  if (!location.readRanges || (!dates.from && !dates.to) || p.rowGroups <= 1) return false;
  return (
    (dates.from !== undefined && p.firstDate < dates.from) ||
    (dates.to !== undefined && p.lastDate > dates.to)
  );
}

/**
 * Loads the partitions of the archive at `location` that overlap `from`…`to` into `table`. With `from` or
 * `to`, a partition the dates cover only in part is read by range where the location can: its footer, then
 * only the row groups holding a date in the range (`docs/ARCHIVE.md`). The table then holds those whole row
 * groups: every row in the range and some rows either side of it, as a whole-partition read holds whole
 * years; callers filter by the dates, as they do after a whole-partition read.
 * @throws ImportError naming the manifest or partition that could not be read.
 */
export async function loadArchive(
  db: Connector,
  location: ArchiveLocation,
  options: {
    table: string;
    from?: string;
    to?: string;
    /** The manifest when already read. */
    manifest?: ArchiveManifest;
    /** Exactly these partitions (instead of those overlapping from/to), each read whole. */
    partitions?: ArchivePartition[];
    /** Add the rows to `table` instead of replacing it. */
    append?: boolean;
    signal?: AbortSignal;
  },
): Promise<ArchiveLoad> {
  const manifest =
    options.manifest ??
    parseManifest(await location.readText('manifest.json'), `${location.name} manifest.json`);
  const partitions = options.partitions ?? partitionsFor(manifest, options);
  const dates = options.partitions ? {} : { from: options.from, to: options.to };
  const scratch = `__archive_load_${++loadCounter}`;
  let bytesRead = 0;
  const rowGroups = { partitions: 0, read: 0, total: 0 };
  const requested: Promise<Blob | RangedFile>[] = [];
  const request = (i: number) => {
    if (i >= partitions.length || requested[i]) return;
    const p = partitions[i]!;
    // A file read by range is only opened here: its bytes are fetched as the decoder asks for them.
    requested[i] = readsByRange(location, p, dates)
      ? location.readRanges!(p.path, p.bytes)
      : location.readBlob(p.path);
    // A failure is reported when its partition's turn comes; one after an earlier failure is moot.
    requested[i]!.catch(() => {});
  };
  try {
    let groups = 0;
    for (const [i, p] of partitions.entries()) {
      if (options.signal?.aborted) throw new ArchiveCancelled();
      request(i);
      let ahead = 0;
      for (let k = i + 1; k <= i + PARTITIONS_AHEAD && k < partitions.length; k++) {
        ahead += partitions[k]!.bytes;
        if (ahead > BYTES_AHEAD) break;
        request(k);
      }
      const file = await requested[i]!;
      const ranged = file instanceof Blob ? null : file;
      if (!ranged) bytesRead += (file as Blob).size;
      try {
        const read = db
          .parquetRowGroups(file, {
            dates: ranged ? dates : undefined,
            onPlan: (n, total) => {
              if (!ranged) return;
              rowGroups.partitions++;
              rowGroups.read += n;
              rowGroups.total += total;
            },
          })
          [Symbol.asyncIterator]();
        for (;;) {
          // A failed range read rejects `failed` (naming the file's URL and what to do) while the decoder's
          // read stays pending: that read is abandoned, not awaited.
          const step = ranged ? await Promise.race([read.next(), ranged.failed]) : await read.next();
          if (step.done) break;
          await db.insertArrowIpc(scratch, step.value, { append: groups++ > 0 });
        }
      } catch (error) {
        if (ranged && (error instanceof ImportError || error instanceof ArchiveCancelled)) throw error;
        throw new ImportError(
          msg('data:archive.partitionUnreadable', {
            name: location.name,
            path: p.path,
            detail: (error as Error).message.split('\n')[0] ?? '',
          }),
        );
      } finally {
        if (ranged) bytesRead += ranged.bytesRead();
      }
    }
    if (groups === 0) throw new ImportError(msg('data:archive.noPartition', { name: location.name }));
    if (options.signal?.aborted) throw new ArchiveCancelled();
    if (options.append) await db.query(appendRowsQuery(options.table, scratch));
    else await db.query(replaceTableQuery(scratch, options.table));
    const summary = arrowRows(await db.query(incidentSummaryQuery(options.table)))[0]!;
    const report = archiveReport(location.name, manifest, partitions, bytesRead, summary);
    if (rowGroups.partitions > 0) {
      const note = msg('data:note.archiveRowGroups', {
        ...rowGroups,
        partial: rowGroups.partitions,
        from: dates.from ?? manifest.firstDate,
        to: dates.to ?? manifest.lastDate,
      });
      report.notes.push(englishText(note));
      report.noteMessages?.push(note);
    }
    return { table: options.table, manifest, partitions, bytesRead, rowGroups, report };
  } finally {
    await db.query(dropTablesQuery([scratch])).catch(() => {});
  }
}

/** The import report of an archive's loaded rows (`summary`: {@link incidentSummaryQuery} of them). */
export function archiveReport(
  name: string,
  manifest: ArchiveManifest,
  partitions: ArchivePartition[],
  bytesRead: number,
  summary: Record<string, unknown>,
): ImportReport {
  const first = manifest.sources[0]?.report;
  const rejected = new Map<string, RejectGroup>();
  for (const s of manifest.sources) {
    for (const g of s.report?.rejected ?? []) {
      const seen = rejected.get(g.reason);
      if (seen) seen.count += g.count;
      else rejected.set(g.reason, { ...g, samples: [...g.samples] });
    }
  }
  const attributes = manifest.columns.filter((c) => c.name.startsWith('attr:')).map((c) => c.name.slice(5));
  const groups = [...rejected.values()];
  const presetMessage = msg('data:note.archiveOf', {
    sources: manifest.sources.map((s) => s.name).join(', '),
  });
  const read = msg('data:note.archiveRead', {
    loaded: partitions.length,
    total: manifest.partitions.length,
    bytes: bytesRead,
    rows: manifest.counts.victims,
  });
  return {
    source: { name, format: 'parquet', columns: manifest.columns.map((c) => c.name) },
    preset: manifest.sources.length === 1 && first ? first.preset : 'generic',
    presetName: englishText(presetMessage),
    presetMessage,
    mapping: first?.mapping ?? { date: 'occurred_at', lat: 'lat', lon: 'lon' },
    attributes,
    dateFormat: first?.dateFormat ?? '',
    rowsRead: manifest.sources.every((x) => x.report)
      ? manifest.sources.reduce((s, x) => s + (x.report?.rowsRead ?? 0), 0)
      : Number(summary.victims),
    victims: Number(summary.victims),
    incidents: Number(summary.incidents),
    fatalVictims: Number(summary.fatal_victims),
    fatalIncidents: Number(summary.fatal_incidents),
    firstDate: (summary.first_date as string | null) ?? null,
    lastDate: (summary.last_date as string | null) ?? null,
    bbox:
      summary.west === null || summary.west === undefined
        ? null
        : [Number(summary.west), Number(summary.south), Number(summary.east), Number(summary.north)],
    recoveredFromStatePlane: Number(summary.recovered_state_plane),
    withoutTime: Number(summary.without_time),
    rejected: groups,
    rejectedTotal: groups.reduce((s, g) => s + g.count, 0),
    notes: [englishText(read)],
    noteMessages: [read],
  };
}
