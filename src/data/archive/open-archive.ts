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
  /** Bytes of the partition files read. */
  bytesRead: number;
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
 * Loads the partitions of the archive at `location` that overlap `range` into `table`.
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
    /** Exactly these partitions (instead of those overlapping from/to). */
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
  const scratch = `__archive_load_${++loadCounter}`;
  let bytesRead = 0;
  const requested: Promise<Blob>[] = [];
  const request = (i: number) => {
    if (i >= partitions.length || requested[i]) return;
    requested[i] = location.readBlob(partitions[i]!.path);
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
      const blob = await requested[i]!;
      bytesRead += blob.size;
      try {
        for await (const ipc of db.parquetRowGroups(blob))
          await db.insertArrowIpc(scratch, ipc, { append: groups++ > 0 });
      } catch (error) {
        throw new ImportError(
          msg('data:archive.partitionUnreadable', {
            name: location.name,
            path: p.path,
            detail: (error as Error).message.split('\n')[0] ?? '',
          }),
        );
      }
    }
    if (groups === 0) throw new ImportError(msg('data:archive.noPartition', { name: location.name }));
    if (options.signal?.aborted) throw new ArchiveCancelled();
    if (options.append) await db.query(appendRowsQuery(options.table, scratch));
    else await db.query(replaceTableQuery(scratch, options.table));
    const summary = arrowRows(await db.query(incidentSummaryQuery(options.table)))[0]!;
    return {
      table: options.table,
      manifest,
      partitions,
      bytesRead,
      report: archiveReport(location.name, manifest, partitions, bytesRead, summary),
    };
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
