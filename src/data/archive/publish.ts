/**
 * Writes an archive (`docs/ARCHIVE.md`) from a canonical incident table: one Parquet file per partition, rows
 * sorted by time and H3 cell, optional summary tables, and the manifest last, so an interrupted run leaves no
 * manifest behind. Where the bytes go and how Parquet is encoded are given by an {@link ArchiveWriter}.
 */
import { type Table, tableFromArrays, tableToIPC } from 'apache-arrow';
import { assignCells, type CellAssigner } from '../../geo/h3-assign';
import { assignAreas } from '../area-assignment';
import type { Connector } from '../connector';
import { incidentPoints } from '../incident-points';
import type { BoundaryLayer } from '../loaders/boundaries';
import { arrowRows } from '../rows';
import {
  type PartitionScheme,
  partitionRowsQuery,
  partitionStatsQuery,
  summaryAttributeColumns,
  summaryAttributeQuery,
  summaryByAreaQuery,
  summaryByCellQuery,
  summaryHourWeekdayQuery,
  summaryMonthCellQuery,
  tableColumnsQuery,
  withCellsQuery,
} from '../sql/archive-queries';
import { monthBinCountsQuery } from '../sql/cube-queries';
import { dropTablesQuery, incidentSummaryQuery } from '../sql/import-queries';
import {
  ARCHIVE_FORMAT,
  ARCHIVE_SCHEMA_VERSION,
  type ArchiveManifest,
  type ArchivePartition,
  type ArchiveSource,
  type ArchiveSummaryTable,
  type FirstScreen,
} from './manifest';

/** Where an archive's files go and how a query result becomes Parquet. */
export interface ArchiveWriter {
  /** Writes a file at a `/`-separated path relative to the archive's root (creating folders). */
  write(path: string, bytes: Uint8Array): Promise<void>;
  /** Encodes a query result as Parquet with row groups of at most `rowGroupRows` rows. */
  parquet(result: Table, rowGroupRows: number): Uint8Array;
}

/** A boundary layer to summarise, with the property that names its features. */
export interface PublishBoundary {
  layer: BoundaryLayer;
  idProperty: string;
}

/** What to publish. */
export interface PublishOptions {
  /** The canonical incident table to publish. */
  table: string;
  sources: ArchiveSource[];
  partition: PartitionScheme;
  /** Write the summary tables. */
  summaries: boolean;
  /** Resolution of the stored `h3` column (default 12, cells of about 300 m²). */
  h3Resolution?: number;
  /** Resolution of `by_month_cell` (default 8, cells of about 0.7 km²). */
  cellResolution?: number;
  boundaries?: PublishBoundary[];
  /** Most rows in one Parquet row group (default 100,000). */
  rowGroupRows?: number;
  /** Time of writing for the manifest (default now). */
  createdAt?: string;
  /** Computes H3 cells (default in this thread). */
  cellAssigner?: CellAssigner;
  onProgress?: (stage: string) => void;
}

/** Default resolution of the stored H3 column. */
export const ARCHIVE_H3_RESOLUTION = 12;
/** Default resolution of the month × cell summary. */
export const SUMMARY_CELL_RESOLUTION = 8;

const ROWS = '__archive_rows';
const CELLS = '__archive_cells';

/**
 * Publishes `options.table` through `writer` and returns the manifest it wrote.
 * @throws RangeError when a boundary's id property is missing on some feature.
 */
export async function publishArchive(
  db: Connector,
  options: PublishOptions,
  writer: ArchiveWriter,
): Promise<ArchiveManifest> {
  const progress = options.onProgress ?? (() => {});
  const h3Resolution = options.h3Resolution ?? ARCHIVE_H3_RESOLUTION;
  const cellResolution = options.cellResolution ?? SUMMARY_CELL_RESOLUTION;
  const rowGroupRows = options.rowGroupRows ?? 100_000;
  const areaTables: string[] = [];
  try {
    progress('cells');
    const points = await incidentPoints(db, options.table);
    const { cells, cellOfRow } = await (options.cellAssigner ?? assignCells)(
      points.lon,
      points.lat,
      h3Resolution,
    );
    const index = cells.map((c) => BigInt(`0x${c}`));
    const h3 = new BigInt64Array(cellOfRow.length);
    for (let i = 0; i < h3.length; i++) h3[i] = index[cellOfRow[i]!]!;
    await db.insertArrowIpc(CELLS, tableToIPC(tableFromArrays({ row_id: points.rowId, h3 }), 'stream'));
    await db.query(withCellsQuery(ROWS, options.table, CELLS));
    await db.query(dropTablesQuery([CELLS]));

    const columns = arrowRows(await db.query(tableColumnsQuery(ROWS))).map((r) => ({
      name: String(r.column_name),
      type: String(r.data_type),
    }));
    const names = columns.map((c) => c.name);

    progress('partitions');
    const partitions: ArchivePartition[] = [];
    for (const s of arrowRows(await db.query(partitionStatsQuery(ROWS, options.partition)))) {
      const key = options.partition === 'year' ? Number(s.key) : null;
      const path = key === null ? 'incidents/part-0.parquet' : `incidents/year=${key}/part-0.parquet`;
      const rows = Number(s.victims);
      const bytes = writer.parquet(await db.query(partitionRowsQuery(ROWS, names, key)), rowGroupRows);
      await writer.write(path, bytes);
      partitions.push({
        path,
        values: key === null ? {} : { year: key },
        bytes: bytes.length,
        rows,
        incidents: Number(s.incidents),
        rowGroups: Math.ceil(rows / rowGroupRows),
        firstDate: String(s.first_date),
        lastDate: String(s.last_date),
      });
    }

    let summaries: ArchiveManifest['summaries'] = null;
    const boundaries = options.boundaries ?? [];
    if (options.summaries) {
      progress('summaries');
      const tables: ArchiveSummaryTable[] = [];
      const writeSummary = async (name: ArchiveSummaryTable['name'], sql: string) => {
        const result = await db.query(sql);
        const bytes = writer.parquet(result, rowGroupRows);
        const path = `summaries/${name}.parquet`;
        await writer.write(path, bytes);
        tables.push({ name, path, bytes: bytes.length, rows: result.numRows });
      };
      await writeSummary('by_month_cell', summaryByCellQuery(ROWS, cellResolution));
      await writeSummary('by_month_hour_weekday', summaryHourWeekdayQuery(ROWS));
      await writeSummary('by_month_attribute', summaryAttributeQuery(ROWS, summaryAttributeColumns(names)));
      if (boundaries.length > 0) {
        const parts: string[] = [];
        for (const [k, b] of boundaries.entries()) {
          const ids = b.layer.features.map((f, i) => {
            const v = f.properties?.[b.idProperty];
            if (v === undefined || v === null) {
              throw new RangeError(
                `Feature ${i + 1} of ${b.layer.name} has no "${b.idProperty}" property; choose an id property every feature has.`,
              );
            }
            return String(v);
          });
          const areaTable = `__archive_area_${k}`;
          areaTables.push(areaTable);
          await assignAreas(db, points, b.layer.features, areaTable);
          parts.push(`(${summaryByAreaQuery(ROWS, areaTable, b.layer.name, ids)})`);
        }
        await writeSummary('by_month_area', parts.join('\nUNION ALL\n'));
      }
      progress('first screen');
      const firstScreen = await firstScreenData(db, cellResolution);
      const bytes = new TextEncoder().encode(JSON.stringify(firstScreen));
      await writer.write('summaries/first-screen.json', bytes);
      summaries = {
        cellResolution,
        tables,
        firstScreen: { path: 'summaries/first-screen.json', bytes: bytes.length },
      };
    }

    const total = arrowRows(await db.query(incidentSummaryQuery(ROWS)))[0]!;
    const manifest: ArchiveManifest = {
      format: ARCHIVE_FORMAT,
      schemaVersion: ARCHIVE_SCHEMA_VERSION,
      createdAt: options.createdAt ?? new Date().toISOString(),
      counts: {
        victims: Number(total.victims),
        incidents: Number(total.incidents),
        fatalVictims: Number(total.fatal_victims),
        fatalIncidents: Number(total.fatal_incidents),
      },
      firstDate: String(total.first_date),
      lastDate: String(total.last_date),
      bbox: [Number(total.west), Number(total.south), Number(total.east), Number(total.north)],
      partitionKeys: options.partition === 'year' ? ['year'] : [],
      columns,
      h3Resolution,
      sortedBy: ['occurred_at', 'h3', 'row_id'],
      partitions,
      summaries,
      boundaries: options.summaries
        ? boundaries.map((b) => ({
            name: b.layer.name,
            idProperty: b.idProperty,
            features: b.layer.features.length,
          }))
        : [],
      sources: options.sources,
    };
    progress('manifest');
    await writer.write('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));
    return manifest;
  } finally {
    await db.query(dropTablesQuery([ROWS, CELLS, ...areaTables])).catch(() => {});
  }
}

const MEASURE_COLUMNS = ['incidents', 'victims', 'fatal_incidents', 'fatal_victims'];

function flatten(rows: Record<string, unknown>[], bin: (r: Record<string, unknown>) => number): number[] {
  const out: number[] = [];
  for (const r of rows) out.push(Number(r.m), bin(r), ...MEASURE_COLUMNS.map((c) => Number(r[c])));
  return out;
}

/** The first screen's counts, from the same month × bin queries the dashboard's views run. */
async function firstScreenData(db: Connector, cellResolution: number): Promise<FirstScreen> {
  const range = arrowRows(await db.query(incidentSummaryQuery(ROWS)))[0]!;
  const firstMonth = `${String(range.first_date).slice(0, 7)}-01`;
  const [y0, m0] = firstMonth.split('-').map(Number) as [number, number];
  const [y1, m1] = String(range.last_date).split('-').map(Number) as [number, number];
  const time = arrowRows(await db.query(monthBinCountsQuery(ROWS, { firstMonth, bins: { kind: 'none' } })));
  const hw = arrowRows(
    await db.query(monthBinCountsQuery(ROWS, { firstMonth, bins: { kind: 'hourWeekday' } })),
  );
  const byCell = arrowRows(await db.query(summaryMonthCellQuery(ROWS, firstMonth, cellResolution)));
  const cells: string[] = [];
  const index = new Map<string, number>();
  const cellBin = (r: Record<string, unknown>) => {
    const cell = String(r.cell);
    let k = index.get(cell);
    if (k === undefined) {
      k = cells.length;
      cells.push(cell);
      index.set(cell, k);
    }
    return k;
  };
  const cellRows = flatten(byCell, cellBin);
  return {
    firstMonth,
    monthCount: (y1 - y0) * 12 + (m1 - m0) + 1,
    time: flatten(time, () => 0),
    hourWeekday: flatten(hw, (r) => Number(r.b)),
    cellResolution,
    cells,
    byCell: cellRows,
  };
}
