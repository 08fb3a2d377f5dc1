/** Reading a Parquet file one row group at a time, shared by the browser and Node engines. */
import { tableFromIPC } from 'apache-arrow';

/** The part of parquet-wasm's `ParquetFile` this needs (the browser and Node builds have the same API). */
export interface RowGroupReader {
  metadata(): { numRowGroups(): number; rowGroup(i: number): { numRows(): number } };
  schema(): { indexOf(name: string): number };
  read(options: { rowGroups: number[]; columns?: string[] }): Promise<{ intoIPCStream(): Uint8Array }>;
  free(): void;
}

/**
 * Something parquet-wasm can open in place of a `Blob`: its size and byte slices read on demand. A `Blob`
 * is one; an archive file read by HTTP range requests is another (`src/data/archive/ranged-file.ts`).
 */
export interface ByteSource {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** Options of {@link readRowGroups}. */
export interface RowGroupOptions {
  /**
   * Only the row groups holding a date in `from`…`to` (`YYYY-MM-DD`, inclusive, each optional), judged by
   * the file's `occurred_date` column; every row group when the file has no such column.
   */
  dates?: { from?: string; to?: string };
  /** Told how many row groups are read, of how many, before the first is read. */
  onPlan?: (read: number, total: number) => void;
}

/** The column the archive's row groups are chosen by. */
export const ROW_GROUP_DATE_COLUMN = 'occurred_date';

const DAY_MS = 86_400_000;

/**
 * The row groups whose `occurred_date` values overlap `from`…`to`. parquet-wasm does not expose the column
 * statistics of the footer, so the date column itself is read for every row group: dictionary-encoded, it
 * is a few hundred bytes per row group, fetched by range like the rest. Nulls never fall in a range.
 */
export async function rowGroupsInDates(
  parquet: RowGroupReader,
  dates: { from?: string; to?: string },
): Promise<number[]> {
  const total = parquet.metadata().numRowGroups();
  const all = Array.from({ length: total }, (_, i) => i);
  if (parquet.schema().indexOf(ROW_GROUP_DATE_COLUMN) < 0 || (!dates.from && !dates.to)) return all;
  const from = dates.from ? Date.parse(`${dates.from}T00:00:00Z`) : -Infinity;
  const to = dates.to ? Date.parse(`${dates.to}T00:00:00Z`) + DAY_MS - 1 : Infinity;
  const column = tableFromIPC(
    (await parquet.read({ rowGroups: all, columns: [ROW_GROUP_DATE_COLUMN] })).intoIPCStream(),
  ).getChild(ROW_GROUP_DATE_COLUMN);
  if (!column) return all;
  const chosen: number[] = [];
  let row = 0;
  for (const i of all) {
    const end = row + parquet.metadata().rowGroup(i).numRows();
    let min = Infinity;
    let max = -Infinity;
    for (; row < end; row++) {
      const value = column.get(row) as number | Date | null;
      if (value === null) continue;
      const ms = typeof value === 'number' ? value : value.getTime();
      if (ms < min) min = ms;
      if (ms > max) max = ms;
    }
    if (max >= from && min <= to) chosen.push(i);
  }
  return chosen;
}

/**
 * The row groups of an open Parquet file as Arrow IPC streams, one at a time, so memory holds one decoded
 * row group rather than the whole file: all of them, or those {@link RowGroupOptions.dates} selects. Frees
 * the file's wasm memory at the end, also when the caller stops early.
 */
export async function* readRowGroups(
  parquet: RowGroupReader,
  options: RowGroupOptions = {},
): AsyncGenerator<Uint8Array> {
  try {
    const total = parquet.metadata().numRowGroups();
    let groups = options.dates
      ? await rowGroupsInDates(parquet, options.dates)
      : Array.from({ length: total }, (_, i) => i);
    // No row group holds those dates: the first is read all the same, so the table gets the file's columns.
    if (groups.length === 0 && total > 0) groups = [0];
    options.onPlan?.(groups.length, total);
    for (const i of groups) yield (await parquet.read({ rowGroups: [i] })).intoIPCStream();
  } finally {
    parquet.free();
  }
}
