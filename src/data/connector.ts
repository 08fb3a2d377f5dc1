/**
 * The seam between CVI Atlas and its one database engine, DuckDB-WASM.
 *
 * The browser runs DuckDB-WASM in a Web Worker (`engine-browser.ts`); Node (tests, command line, benchmarks)
 * runs the same DuckDB-WASM build in-process (`engine-node.ts`). Everything above this interface issues the
 * same SQL text, so the app and the command line compute identical numbers.
 */
import type { Table } from 'apache-arrow';
import type { ByteSource, RowGroupOptions } from './parquet-row-groups';

/** A value bound to a `?` placeholder of a prepared statement. */
export type SqlParam = string | number | boolean | null | bigint;

/** What the rest of the product may ask of the database engine. */
export interface Connector {
  /** Runs one SQL statement (optionally prepared with `?` parameters) and returns its Arrow result. */
  query(sql: string, params?: readonly SqlParam[]): Promise<Table>;
  /** Makes bytes readable by SQL under a virtual file name (e.g. for `read_csv`). */
  registerFile(name: string, bytes: Uint8Array): Promise<void>;
  /** Makes a browser `File` readable by SQL without copying it into memory first (browser only). */
  registerFileHandle?(name: string, file: Blob): Promise<void>;
  /** Forgets a registered file. */
  dropFile(name: string): Promise<void>;
  /** Creates `table` from an Arrow IPC stream, or appends to it with `append`. */
  insertArrowIpc(table: string, ipc: Uint8Array, options?: { append?: boolean }): Promise<void>;
  /**
   * Decodes a Parquet file one row group at a time, each as an Arrow IPC stream, so a large file is never
   * decoded whole (DuckDB-WASM's own Parquet reader would be downloaded from the internet). `file` is a
   * Blob or any {@link ByteSource} (bytes read by range on demand); `options.dates` reads only the row
   * groups holding those dates.
   */
  parquetRowGroups(file: Blob | ByteSource, options?: RowGroupOptions): AsyncIterable<Uint8Array>;
  /** Which runtime this connector runs in, for benchmark reports. */
  readonly runtime: 'node' | 'browser';
  /** Releases the engine. */
  close(): Promise<void>;
}
